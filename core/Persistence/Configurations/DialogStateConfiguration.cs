using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SesBot.Core.Dialogs;

namespace SesBot.Core.Persistence.Configurations;

internal sealed class DialogStateConfiguration : IEntityTypeConfiguration<DialogState>
{
    public void Configure(EntityTypeBuilder<DialogState> builder)
    {
        builder.ToTable("DialogStates");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Channel).HasMaxLength(32).IsRequired();
        builder.Property(s => s.ConversationKey).HasMaxLength(512).IsRequired();
        builder.Property(s => s.UserKey).HasMaxLength(256).IsRequired();
        builder.Property(s => s.DialogName).HasMaxLength(64).IsRequired();
        builder.Property(s => s.Step).HasMaxLength(64).IsRequired();
        builder.Property(s => s.DataJson).IsRequired();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => new { s.Channel, s.ConversationKey, s.UserKey }).IsUnique();
    }
}
