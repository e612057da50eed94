namespace SesBot.Core.Gateways.Aws;

/// <summary>An Organizations call failed; <see cref="Error"/> says how, typed.</summary>
public sealed class AwsOrganizationsException : Exception
{
    public AwsOrganizationsException()
        : this(new AwsOrganizationsError(AwsErrorKind.Unknown, "Unknown", "AWS Organizations call failed.", null))
    {
    }

    public AwsOrganizationsException(string message)
        : this(new AwsOrganizationsError(AwsErrorKind.Unknown, "Unknown", message, null))
    {
    }

    public AwsOrganizationsException(string message, Exception innerException)
        : this(new AwsOrganizationsError(AwsErrorKind.Unknown, "Unknown", message, null), innerException)
    {
    }

    public AwsOrganizationsException(AwsOrganizationsError error, Exception? innerException = null)
        : base(Describe(error), innerException) => Error = error ?? throw new ArgumentNullException(nameof(error));

    public AwsOrganizationsError Error { get; }

    public AwsErrorKind Kind => Error.Kind;

    private static string Describe(AwsOrganizationsError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Reason is null ? $"{error.Code}: {error.Message}" : $"{error.Code} ({error.Reason}): {error.Message}";
    }
}
