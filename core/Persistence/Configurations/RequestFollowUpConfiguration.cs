using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SesBot.Core.Domain;
using SesBot.Core.Support;

namespace SesBot.Core.Persistence.Configurations;

internal sealed class RequestFollowUpConfiguration : IEntityTypeConfiguration<RequestFollowUp>
{
    public void Configure(EntityTypeBuilder<RequestFollowUp> builder)
    {
        builder.ToTable("RequestFollowUps");
        builder.HasKey(f => f.RequestId);
        builder.Property(f => f.RequestId).HasMaxLength(32);
        builder.Property(f => f.WaitingOn).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(f => f.Stage).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(f => f.Revision).IsConcurrencyToken();
        builder.HasIndex(f => f.DueAt);
        builder.HasOne<RemovalRequest>().WithOne().HasForeignKey<RequestFollowUp>(f => f.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}
