using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SesBot.Bot.Tests.Support;

/// <summary>
/// The Agents Playground's own web page in headless Chromium (Debian's <c>/usr/bin/chromium</c>, driven by Playwright), as
/// a reseller uses it: type in the compose box, pick from the rendered dropdowns, fill the inputs, click the card's
/// buttons. Only 127.0.0.1 is reached: the page's requests for web fonts and the Office CDN are refused. Screenshots go to
/// <c>.artifacts/screenshots/</c>.
/// </summary>
internal sealed class PlaygroundPage : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private ILocator? _card;

    private PlaygroundPage(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public static string ScreenshotDirectory => RepoPaths.InRoot(".artifacts", "screenshots");

    /// <summary>The card of the step in progress: the bot's answer to the last message typed (a click updates it in place).</summary>
    public ILocator Card => _card ?? Page.Locator(".ac-adaptiveCard").Last;

    public static async Task<PlaygroundPage> OpenAsync(int playgroundPort)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/install-test-deps.sh (it installs Debian's chromium).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 2400 } });
        page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        await page.RouteAsync("**/*", route => new Uri(route.Request.Url).Host == "127.0.0.1" ? route.ContinueAsync() : route.AbortAsync());
        await page.GotoAsync($"http://127.0.0.1:{playgroundPort}/");
        await page.Locator("[data-lexical-editor=\"true\"]").WaitForAsync();
        var opened = new PlaygroundPage(playwright, browser, page);
        await opened.WaitForSettledCardsAsync();
        return opened;
    }

    /// <summary>
    /// Loading the page installs the app in the personal chat, and the bot's welcome card arrives a moment later: wait
    /// until the number of cards has stayed the same for two seconds, so that card is not taken for an answer.
    /// </summary>
    private async Task WaitForSettledCardsAsync()
    {
        var cards = Page.Locator(".ac-adaptiveCard");
        var count = await cards.CountAsync();
        var stableSince = Environment.TickCount64;
        var deadline = stableSince + 20_000;
        while (Environment.TickCount64 - stableSince < 2_000 && Environment.TickCount64 < deadline)
        {
            await Task.Delay(250);
            var now = await cards.CountAsync();
            if (now != count)
            {
                (count, stableSince) = (now, Environment.TickCount64);
            }
        }
    }

    /// <summary>
    /// Types a message in the compose box, sends it, and waits for the bot's new card containing <paramref name="expect"/>;
    /// that card is <see cref="Card"/> from then on (a welcome card arriving late does not take its place).
    /// </summary>
    public async Task SayAsync(string text, string expect)
    {
        var cards = Page.Locator(".ac-adaptiveCard");
        var before = await cards.CountAsync();
        var box = Page.Locator("[data-lexical-editor=\"true\"]");
        await box.ClickAsync();
        await box.PressSequentiallyAsync(text);
        await Page.Keyboard.PressAsync("Enter");
        var deadline = Environment.TickCount64 + (long)Patience.TotalMilliseconds;
        while (true)
        {
            var texts = await cards.AllInnerTextsAsync();
            var index = -1;
            for (var i = before; i < texts.Count; i++)
            {
                if (texts[i].Contains(expect, StringComparison.Ordinal))
                {
                    index = i;
                }
            }

            if (index >= 0)
            {
                _card = cards.Nth(index);
                return;
            }

            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"No new card with \"{expect}\" after \"{text}\". Cards now:\n{string.Join("\n---\n", texts.Skip(before))}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Opens the card's dropdown, types part of the name, and picks the option with this title.</summary>
    public async Task PickAsync(string typed, string option)
    {
        var box = Card.GetByRole(AriaRole.Combobox).First;
        await box.ClickAsync();
        await box.FillAsync(typed);
        await Page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>Types into the card's input whose label is <paramref name="label"/> (the host adds " *" to required ones).</summary>
    public async Task FillAsync(string label, string value)
    {
        var labels = Card.Locator("label").Filter(new() { HasTextRegex = new Regex($@"^\s*{Regex.Escape(label)}(\s*\*)?\s*$") });
        var id = await labels.First.GetAttributeAsync("for") ?? throw new InvalidOperationException($"The label \"{label}\" names no input.");
        await Card.Locator($"[id=\"{id}\"]").FillAsync(value);
    }

    /// <summary>Clicks the card's button with this title and waits until the card shows <paramref name="expect"/>.</summary>
    public async Task ClickAsync(string button, string expect)
    {
        await Card.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).Last.ClickAsync();
        await ExpectAsync(expect);
    }

    /// <summary>Clicks the button of the list row that shows <paramref name="row"/> (each account or option has its own).</summary>
    public async Task ClickInRowAsync(string row, string button, string expect)
    {
        var rows = Card.Locator(".ac-container")
            .Filter(new() { HasText = row })
            .Filter(new() { Has = Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }) });
        await rows.Last.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await ExpectAsync(expect);
    }

    public Task ExpectAsync(string text) =>
        Assertions.Expect(Card).ToContainTextAsync(text, new() { Timeout = (float)Patience.TotalMilliseconds });

    /// <summary>
    /// Saves the newest card as <c>.artifacts/screenshots/&lt;name&gt;.png</c> and returns the path. The window is tall
    /// enough (2400 px) for the longest card to show whole inside the conversation pane.
    /// </summary>
    public async Task<string> ShootCardAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await Card.ScrollIntoViewIfNeededAsync();
        await Card.ScreenshotAsync(new() { Path = path, Animations = ScreenshotAnimations.Disabled });
        return path;
    }

    /// <summary>Saves the whole window (chat list, conversation, log panel) as <c>.artifacts/screenshots/&lt;name&gt;.png</c>.</summary>
    public async Task<string> ShootPageAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await Page.ScreenshotAsync(new() { Path = path, Animations = ScreenshotAnimations.Disabled });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
