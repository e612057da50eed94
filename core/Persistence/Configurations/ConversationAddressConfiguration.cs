using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SesBot.Core.Conversations;

namespace SesBot.Core.Persistence.Configurations;

internal sealed class ConversationAddressConfiguration : IEntityTypeConfiguration<ConversationAddress>
{
    public void Configure(EntityTypeBuilder<ConversationAddress> builder)
    {
        builder.ToTable("ConversationAddresses");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Channel).HasMaxLength(32).IsRequired();
        builder.Property(a => a.ConversationKey).HasMaxLength(512).IsRequired();
        builder.Property(a => a.Scope).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.UserKey).HasMaxLength(256);
        builder.Property(a => a.TeamKey).HasMaxLength(256);
        builder.Property(a => a.TenantKey).HasMaxLength(128);
        builder.Property(a => a.DisplayName).HasMaxLength(256);
        builder.Property(a => a.ReferenceJson).IsRequired();
        builder.HasIndex(a => new { a.Channel, a.ConversationKey }).IsUnique();
        builder.HasIndex(a => new { a.Channel, a.UserKey });
    }
}
