using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SesBot.Core.Gateways.Simulated;

namespace SesBot.Core.Persistence.Configurations;

internal sealed class SimulatedCloudConfiguration : IEntityTypeConfiguration<SimulatedAwsAccount>, IEntityTypeConfiguration<SimulatedAzureSubscription>,
    IEntityTypeConfiguration<SimulatedBillingTransfer>
{
    public void Configure(EntityTypeBuilder<SimulatedAwsAccount> builder)
    {
        builder.ToTable("SimulatedAwsAccounts");
        builder.HasKey(a => a.AccountId);
        builder.Property(a => a.AccountId).HasMaxLength(12);
        builder.Property(a => a.Name).HasMaxLength(200).IsRequired();
        builder.Property(a => a.State).HasMaxLength(32).IsRequired();
        builder.Property(a => a.JoinedMethod).HasMaxLength(16).IsRequired();
        builder.Property(a => a.Tags).HasMaxLength(2000).IsRequired();
        builder.Property(a => a.DelegatedServices).HasMaxLength(2000).IsRequired();
        builder.Property(a => a.Failure).HasMaxLength(128);
    }

    public void Configure(EntityTypeBuilder<SimulatedAzureSubscription> builder)
    {
        builder.ToTable("SimulatedAzureSubscriptions");
        builder.HasKey(s => s.SubscriptionId);
        builder.Property(s => s.SubscriptionId).HasMaxLength(36);
        builder.Property(s => s.OfferName).HasMaxLength(200).IsRequired();
        builder.Property(s => s.Status).HasMaxLength(32).IsRequired();
        builder.Property(s => s.Failure).HasMaxLength(128);
    }

    public void Configure(EntityTypeBuilder<SimulatedBillingTransfer> builder)
    {
        builder.ToTable("SimulatedBillingTransfers");
        builder.HasKey(t => t.TransferId);
        builder.Property(t => t.TransferId).HasMaxLength(35);
        builder.Property(t => t.SourceManagementAccountId).HasMaxLength(12).IsRequired();
        builder.Property(t => t.Status).HasMaxLength(32).IsRequired();
        builder.Property(t => t.Failure).HasMaxLength(128);
    }
}
