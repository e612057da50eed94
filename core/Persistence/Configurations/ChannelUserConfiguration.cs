using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SesBot.Core.Domain;
using SesBot.Core.Identity;
using SesBot.Core.Localization;

namespace SesBot.Core.Persistence.Configurations;

internal sealed class ChannelUserConfiguration : IEntityTypeConfiguration<ChannelUser>
{
    public void Configure(EntityTypeBuilder<ChannelUser> builder)
    {
        builder.ToTable("ChannelUsers");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Channel).HasMaxLength(32).IsRequired();
        builder.Property(u => u.TenantKey).HasMaxLength(128).IsRequired();
        builder.Property(u => u.UserKey).HasMaxLength(256).IsRequired();
        builder.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        builder.Property(u => u.Email).HasMaxLength(FieldLimits.Email);
        builder.Property(u => u.ResellerId).HasMaxLength(64);
        builder.Property(u => u.Locale).HasMaxLength(SupportedCultures.MaxLocaleLength);
        builder.HasIndex(u => new { u.Channel, u.TenantKey, u.UserKey }).IsUnique();
        builder.HasOne<Reseller>().WithMany().HasForeignKey(u => u.ResellerId).OnDelete(DeleteBehavior.Restrict);
    }
}
