using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SesBot.Core.Domain;
using SesBot.Core.Persistence;

namespace SesBot.Bot;

/// <summary>
/// <c>GET /</c> in local mode only: what is running, the demo people and what each may do, and how to chat with the
/// bot. Everything shown from the database is HTML-encoded. Outside local mode the route does not exist.
/// </summary>
public static class LocalStartPage
{
    public static WebApplication MapLocalStartPage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<LocalMode>().IsLocal)
        {
            app.MapGet("/", RenderAsync).ExcludeFromDescription();
        }

        return app;
    }

    private static async Task<IResult> RenderAsync(SesBotDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var resellers = await db.Resellers.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
        var people = await db.ChannelUsers.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        var customers = await db.Customers.AsNoTracking().CountAsync(c => c.RemovedAt == null, cancellationToken);
        var requests = await db.RemovalRequests.AsNoTracking().CountAsync(cancellationToken);

        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SesBot (local mode)</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1b1b1b}")
            .Append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}code{background:#f3f3f3;padding:0 .2rem}</style></head><body>")
            .Append("<h1>SesBot is running in local mode</h1>")
            .Append("<p>No channel or cloud credentials are configured: the database holds demo data, Teams requests without a token are accepted from this machine only, and emails are written as <code>.eml</code> files under <code>data/outbox</code>.</p>")
            .Append(CultureInfo.InvariantCulture, $"<p>Messaging endpoint: <code>{Encode($"{context.Request.Scheme}://{context.Request.Host}/api/messages")}</code> · health: <a href=\"/healthz\">/healthz</a> · {customers} customers, {requests} requests.</p>")
            .Append("<h2>Chat with it</h2><ol><li>In a second terminal: <code>bash scripts/playground.sh</code> (the Microsoft 365 Agents Playground, a local Teams client).</li>")
            .Append("<li>Open <a href=\"http://127.0.0.1:56150\">http://127.0.0.1:56150</a>; you are Alex Wilber. Type <code>help</code> or <code>remove account</code>.</li></ol>")
            .Append("<h2>Demo people</h2><table><tr><th>Name</th><th>Role</th><th>Reseller</th><th>What they can do</th></tr>");
        foreach (var person in people)
        {
            var reseller = person.ResellerId is { } id && resellers.TryGetValue(id, out var name) ? name : "—";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Encode(person.DisplayName)}</td><td>{Encode(RoleName(person.Role))}</td><td>{Encode(reseller)}</td><td>{Encode(WhatTheyCanDo(person.Role))}</td></tr>");
        }

        html.Append("</table></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    private static string RoleName(Role role) => role switch
    {
        Role.ResellerUser => "reseller user",
        Role.SupportAgent => "support agent",
        Role.Admin => "admin",
        _ => role.ToString(),
    };

    private static string WhatTheyCanDo(Role role) => role switch
    {
        Role.ResellerUser => "remove accounts and customers of their reseller, follow their requests (\"my requests\", \"status\")",
        Role.SupportAgent => "see the support queue (\"queue\") and the support channel",
        Role.Admin => "all of support's, and choose the support channel (\"use this channel for support requests\" in a team channel)",
        _ => string.Empty,
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
