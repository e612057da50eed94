using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesBot.Core.Email;

namespace SesBot.Core.Tests.Email;

public sealed class EmailServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSesBotEmail_NoSmtpHost_PickupDirectoryUnderDataOutbox()
    {
        using var services = Build([]);

        var sender = Assert.IsType<PickupDirectoryEmailSender>(services.GetRequiredService<IEmailSender>());
        Assert.Equal(Path.GetFullPath(Path.Combine("data", "outbox")), sender.Directory);
        var message = services.GetRequiredService<UnlinkInstructionsEmail>().Compose(EmailTestData.Model(), "outbox-1");
        Assert.Equal(SmtpOptions.LocalFrom, Assert.IsType<MimeKit.MailboxAddress>(Assert.Single(message.From)).Address);
    }

    [Fact]
    public void AddSesBotEmail_SmtpHost_SmtpSenderWithBoundOptions()
    {
        using var services = Build(new()
        {
            ["Smtp:Host"] = "smtp.example.com",
            ["Smtp:Port"] = "465",
            ["Smtp:Security"] = "SslOnConnect",
            ["Smtp:From"] = "noreply@example.com",
            ["Smtp:Timeout"] = "00:00:12",
        });

        Assert.IsType<SmtpEmailSender>(services.GetRequiredService<IEmailSender>());
        var options = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
        Assert.Equal(465, options.Port);
        Assert.Equal(SmtpSecurity.SslOnConnect, options.Security);
        Assert.Equal(TimeSpan.FromSeconds(12), options.Timeout);
    }

    [Fact]
    public void StartupValidation_NoSmtpHost_Passes()
    {
        using var services = Build(new() { ["Smtp:Port"] = "25" });

        services.GetRequiredService<IStartupValidator>().Validate();
        Assert.False(services.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured);
    }

    [Theory]
    [InlineData("Smtp:From", "", "Smtp:From is required")]
    [InlineData("Smtp:From", "not an address", "is not an email address")]
    [InlineData("Smtp:Port", "70000", "Port")]
    [InlineData("Smtp:Timeout", "00:00:00", "Smtp:Timeout")]
    [InlineData("Smtp:User", "relay-user", "go together")]
    public void StartupValidation_InvalidSmtpOptions_Fails(string key, string value, string expected)
    {
        using var services = Build(new()
        {
            ["Smtp:Host"] = "smtp.example.com",
            ["Smtp:From"] = "noreply@example.com",
            [key] = value,
        });

        // What the host runs before it starts (ValidateOnStart).
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSesBotEmail(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
