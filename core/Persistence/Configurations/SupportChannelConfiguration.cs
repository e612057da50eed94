using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SesBot.Core.Support;

namespace SesBot.Core.Persistence.Configurations;

internal sealed class SupportChannelConfiguration : IEntityTypeConfiguration<SupportChannel>
{
    public void Configure(EntityTypeBuilder<SupportChannel> builder)
    {
        builder.ToTable("SupportChannels");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Region).HasMaxLength(64).IsRequired();
        builder.HasIndex(c => c.Region).IsUnique();
        builder.Property(c => c.Channel).HasMaxLength(32).IsRequired();
        builder.Property(c => c.ConversationKey).HasMaxLength(512).IsRequired();
        builder.Property(c => c.DisplayName).HasMaxLength(256);
        builder.Property(c => c.SetById).HasMaxLength(128).IsRequired();
        builder.Property(c => c.SetByName).HasMaxLength(200).IsRequired();
    }
}
