using System.Security.Cryptography;
using SesBot.Core.Domain;

namespace SesBot.Core.Execution;

/// <summary>
/// One attempt, decided by a person, to carry out a request at the cloud provider. It is committed (status
/// <see cref="CloudExecutionStatus.Claimed"/>) in the turn of the click, before anything is called; the dispatcher
/// marks <see cref="CallStartedAt"/> in its own commit right before the call, so a restart, a redelivery or a second
/// dispatcher finds the mark and reconciles instead of calling again. <see cref="ActiveKey"/> (unique) holds the
/// request while the execution is open, so two clicks or two agents get one execution.
/// </summary>
public sealed class CloudExecution
{
    private const string IdAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public CloudExecution(RemovalRequest request, CloudOperation operation, string target, Actor actor, bool simulated, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        Id = "X-" + RandomNumberGenerator.GetString(IdAlphabet, 8);
        RequestId = request.Id;
        CloudAccountId = request.CloudAccountId ?? throw new DomainException($"Request {request.Id} is about no cloud account.");
        Operation = operation;
        Target = target;
        ActorId = actor.Id;
        ActorName = actor.DisplayName;
        ActorRole = actor.Role;
        Simulated = simulated;
        Status = CloudExecutionStatus.Claimed;
        ActiveKey = request.Id;
        CreatedAt = UpdatedAt = now;
    }

    private CloudExecution()
    {
        Id = RequestId = CloudAccountId = Target = ActorId = ActorName = string.Empty;
    }

    public string Id { get; private set; }

    public string RequestId { get; private set; }

    public string CloudAccountId { get; private set; }

    public CloudOperation Operation { get; private set; }

    /// <summary>The AWS account id or Azure subscription id the call is about.</summary>
    public string Target { get; private set; }

    public CloudExecutionStatus Status { get; private set; }

    /// <summary>How many times the call was made (0 or 1: it is never made twice).</summary>
    public int Attempts { get; private set; }

    /// <summary>Set, and committed, right before the call: from then on the change may have happened.</summary>
    public DateTimeOffset? CallStartedAt { get; private set; }

    /// <summary>The typed error (<c>AwsErrorKind</c> or <c>PartnerCenterErrorKind</c> name) of a failure or unknown outcome.</summary>
    public string? ErrorKind { get; private set; }

    public string? ErrorMessage { get; private set; }

    /// <summary>Set while the execution is open (Claimed or Unknown): the request id. Unique.</summary>
    public string? ActiveKey { get; private set; }

    /// <summary>Who clicked: the move that completes the request is theirs (four-eyes was checked at the click).</summary>
    public string ActorId { get; private set; }

    public string ActorName { get; private set; }

    public Role ActorRole { get; private set; }

    /// <summary>Carried out against the simulated gateway (local mode).</summary>
    public bool Simulated { get; private set; }

    /// <summary>Where the person clicked (channel, conversation, stored address key): the result is posted there.</summary>
    public string? ReplyChannel { get; set; }

    public string? ReplyConversationKey { get; set; }

    public string? ReplyAddressKey { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the change took effect at the provider as far as SesBot knows (the call's answer, or the reconciliation).</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Optimistic concurrency token: marking the call started, and every end, increments it.</summary>
    public int Version { get; private set; }

    public bool IsOpen => Status is CloudExecutionStatus.Claimed or CloudExecutionStatus.Unknown;

    public Actor Actor => new(ActorId, ActorName, ActorRole);

    /// <summary>The call is about to be made: only once, from Claimed without a previous start.</summary>
    public void StartCall(DateTimeOffset now)
    {
        if (Status != CloudExecutionStatus.Claimed || CallStartedAt is not null)
        {
            throw new DomainException($"Execution {Id} is {Status}{(CallStartedAt is null ? string.Empty : ", its call already started")}: it is never called twice.");
        }

        CallStartedAt = now;
        Attempts++;
        Touch(now);
    }

    public void Succeed(DateTimeOffset completedAt, DateTimeOffset now)
    {
        EnsureOpen();
        Status = CloudExecutionStatus.Succeeded;
        CompletedAt = completedAt;
        ErrorKind = null;
        ErrorMessage = null;
        ActiveKey = null;
        Touch(now);
    }

    public void Fail(string errorKind, string message, DateTimeOffset now)
    {
        EnsureOpen();
        Status = CloudExecutionStatus.Failed;
        ErrorKind = errorKind;
        ErrorMessage = Clip(message);
        ActiveKey = null;
        Touch(now);
    }

    /// <summary>The outcome is unknown and reading could not settle it; the request stays held.</summary>
    public void MarkUnknown(string errorKind, string message, DateTimeOffset now)
    {
        EnsureOpen();
        Status = CloudExecutionStatus.Unknown;
        ErrorKind = errorKind;
        ErrorMessage = Clip(message);
        Touch(now);
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException($"Execution {Id} already ended {Status}.");
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string Clip(string message) => message.Length > 1000 ? message[..1000] : message;
}
