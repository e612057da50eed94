using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SesBot.Core.Domain;

namespace SesBot.Core.Persistence.Configurations;

internal sealed class CloudAccountConfiguration : IEntityTypeConfiguration<CloudAccount>
{
    /// <summary>"rt-" and at most 32 letters or digits.</summary>
    private const int BillingTransferIdLength = 35;

    public void Configure(EntityTypeBuilder<CloudAccount> builder)
    {
        builder.ToTable("CloudAccounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Id).HasMaxLength(64);
        builder.Property(a => a.CustomerId).HasMaxLength(64).IsRequired();
        builder.Property(a => a.ExternalId).HasMaxLength(64).IsRequired();
        builder.Property(a => a.DisplayName).HasMaxLength(200).IsRequired();
        builder.HasIndex(a => new { a.Provider, a.ExternalId }).IsUnique();
        builder.HasMany(a => a.BillingRecords).WithOne().HasForeignKey(r => r.CloudAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.BillingRecords).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(a => a.HasBillingData);

        // AWS Billing Transfer (origin BillingTransfer): the transfer's id, start, bill-source account and end.
        builder.Ignore(a => a.BillingTransfer);
        builder.Property<string?>("BillingTransferId").HasMaxLength(BillingTransferIdLength);
        builder.Property<DateTimeOffset?>("BillingTransferStartedAt");
        builder.Property<string?>("BillingTransferSourceAccountId").HasMaxLength(12);
        builder.Property<DateTimeOffset?>("BillingTransferEndsAt");
    }
}
