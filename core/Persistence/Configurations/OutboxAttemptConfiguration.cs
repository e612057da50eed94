using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SesBot.Core.Outbox;

namespace SesBot.Core.Persistence.Configurations;

internal sealed class OutboxAttemptConfiguration : IEntityTypeConfiguration<OutboxAttempt>
{
    public void Configure(EntityTypeBuilder<OutboxAttempt> builder)
    {
        builder.ToTable("OutboxAttempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Outcome).HasMaxLength(16).IsRequired();
        builder.Property(a => a.Detail).HasMaxLength(1000);
        builder.HasOne<OutboxMessage>().WithMany().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.OutboxMessageId);
    }
}
