using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SesBot.Core.Conversations;

namespace SesBot.Core.Persistence.Configurations;

internal sealed class InboundDeliveryConfiguration : IEntityTypeConfiguration<InboundDelivery>
{
    public void Configure(EntityTypeBuilder<InboundDelivery> builder)
    {
        builder.ToTable("InboundDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Channel).HasMaxLength(32).IsRequired();
        builder.Property(d => d.ConversationKey).HasMaxLength(512).IsRequired();
        builder.Property(d => d.DeliveryKey).HasMaxLength(256).IsRequired();
        builder.HasIndex(d => new { d.Channel, d.ConversationKey, d.DeliveryKey }).IsUnique();

        // No index on ReceivedAt: the pruner finds its boundary in key order (DeliveryLedger.PruneAsync), so a turn's
        // commit does not write one more index page.
    }
}
