using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SesBot.Core.Domain;
using SesBot.Core.Execution;

namespace SesBot.Core.Persistence.Configurations;

internal sealed class CloudExecutionConfiguration : IEntityTypeConfiguration<CloudExecution>
{
    public void Configure(EntityTypeBuilder<CloudExecution> builder)
    {
        builder.ToTable("CloudExecutions");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(16);
        builder.Property(e => e.RequestId).HasMaxLength(32).IsRequired();
        builder.Property(e => e.CloudAccountId).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Operation).HasConversion<string>().HasMaxLength(32).IsRequired();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16).IsRequired();
        builder.Property(e => e.Target).HasMaxLength(64).IsRequired();
        builder.Property(e => e.ErrorKind).HasMaxLength(64);
        builder.Property(e => e.ErrorMessage).HasMaxLength(1000);
        builder.Property(e => e.ActiveKey).HasMaxLength(32);
        builder.HasIndex(e => e.ActiveKey).IsUnique();
        builder.Property(e => e.ActorId).HasMaxLength(128).IsRequired();
        builder.Property(e => e.ActorName).HasMaxLength(200).IsRequired();
        builder.Property(e => e.ReplyChannel).HasMaxLength(32);
        builder.Property(e => e.ReplyConversationKey).HasMaxLength(512);
        builder.Property(e => e.ReplyAddressKey).HasMaxLength(512);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.RequestId, e.CreatedAt });
        builder.HasOne<RemovalRequest>().WithMany().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(e => e.IsOpen);
        builder.Ignore(e => e.Actor);
    }
}
