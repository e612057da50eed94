using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SesBot.Core.Outbox;

namespace SesBot.Core.Persistence.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Kind).HasMaxLength(64).IsRequired();
        builder.Property(m => m.IdempotencyKey).HasMaxLength(256).IsRequired();
        builder.Property(m => m.OrderingKey).HasMaxLength(512).IsRequired();
        builder.Property(m => m.PayloadJson).IsRequired();
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        // Whether a conversation has something unsent (every turn that replies asks): only unsent rows are indexed, so
        // the answer stays one lookup while a Connector outage leaves thousands of messages pending.
        builder.HasIndex(m => m.OrderingKey, "IX_OutboxMessages_OrderingKey_Unsent").HasFilter("\"Status\" IN ('Pending', 'Sending')");
    }
}
