namespace SesBot.Core.Gateways.Aws;

/// <summary>Where the Organizations client gets the credentials it signs with; called before every attempt.</summary>
public interface IAwsCredentialSource
{
    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
