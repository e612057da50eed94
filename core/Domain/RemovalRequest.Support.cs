namespace SesBot.Core.Domain;

/// <summary>
/// How support works a request besides moving its status: who has it (assignment) and the question support asked the
/// reseller, which the request waits on until the reseller answers. Both are audited and bump <see cref="Version"/>, so
/// a card clicked before them is out of date.
/// </summary>
public sealed partial class RemovalRequest
{
    /// <summary>The support agent working the request (their actor id), or null while unassigned.</summary>
    public string? AssignedToId { get; private set; }

    public string? AssignedToName { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    /// <summary>What support asked the reseller and is waiting for; null when nothing is asked.</summary>
    public string? OpenQuestion { get; private set; }

    public DateTimeOffset? QuestionAskedAt { get; private set; }

    public string? QuestionAskedByName { get; private set; }

    /// <summary>Where the request was filed (set in the turn that filed it; null for requests filed before it was kept).</summary>
    public RequestOrigin? Origin { get; private set; }

    /// <summary>The request waits on the reseller's answer to <see cref="OpenQuestion"/>.</summary>
    public bool IsWaitingOnReseller => OpenQuestion is not null;

    public void RecordOrigin(RequestOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        Origin = origin;
    }

    /// <summary>A support agent takes the request. Four-eyes: never the person who filed it.</summary>
    public void AssignTo(Actor actor, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        EnsureWorkableBy(actor, "take");
        if (AssignedToId == actor.Id)
        {
            throw new DomainException($"Request {Id} is already assigned to {actor.DisplayName}.");
        }

        var previous = AssignedToName;
        AssignedToId = actor.Id;
        AssignedToName = actor.DisplayName;
        AssignedAt = UpdatedAt = clock.GetUtcNow();
        Version++;
        _pendingAudit.Add(new AuditEvent(UpdatedAt, actor, nameof(RemovalRequest), Id, "Assigned",
            previous is null ? $"Assigned to {actor.DisplayName}" : $"Assigned to {actor.DisplayName} (was {previous})"));
    }

    /// <summary>Support asks the reseller something; the request waits on the answer.</summary>
    public void AskReseller(Actor actor, string question, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        EnsureWorkableBy(actor, "ask about");
        if (OpenQuestion is not null)
        {
            throw new DomainException($"Request {Id} already waits on the reseller's answer.");
        }

        var text = question.Trim();
        if (text.Length > FieldLimits.SupportNote)
        {
            throw new DomainException(FieldLimits.TooLong("The question", FieldLimits.SupportNote));
        }

        OpenQuestion = text;
        QuestionAskedByName = actor.DisplayName;
        QuestionAskedAt = UpdatedAt = clock.GetUtcNow();
        Version++;
        _pendingAudit.Add(new AuditEvent(UpdatedAt, actor, nameof(RemovalRequest), Id, "InformationRequested", text));
    }

    /// <summary>The reseller answers the open question (the requester, or another user of the same reseller).</summary>
    public void AnswerQuestion(Actor actor, string answer, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentException.ThrowIfNullOrWhiteSpace(answer);
        if (OpenQuestion is null)
        {
            throw new DomainException($"Request {Id} is not waiting on an answer.");
        }

        if (actor.Id != RequestedById && actor.ResellerId != ResellerId)
        {
            throw new DomainException($"{actor.DisplayName} may not answer for request {Id}.");
        }

        var text = answer.Trim();
        if (text.Length > FieldLimits.SupportNote)
        {
            throw new DomainException(FieldLimits.TooLong("The answer", FieldLimits.SupportNote));
        }

        OpenQuestion = null;
        QuestionAskedAt = null;
        QuestionAskedByName = null;
        UpdatedAt = clock.GetUtcNow();
        Version++;
        _pendingAudit.Add(new AuditEvent(UpdatedAt, actor, nameof(RemovalRequest), Id, "InformationProvided", text));
    }

    /// <summary>Whether the actor may work the request at all: support, not the person who filed it, and still open.</summary>
    public bool IsWorkableBy(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsSupport && actor != Actor.System && actor.Id != RequestedById && IsOpen;
    }

    private void EnsureWorkableBy(Actor actor, string what)
    {
        if (!IsOpen)
        {
            throw new DomainException($"Request {Id} is {Status}; there is nothing to {what}.");
        }

        if (!actor.IsSupport || actor.Id == RequestedById)
        {
            throw new DomainException($"{actor.DisplayName} may not {what} request {Id}.");
        }
    }
}
