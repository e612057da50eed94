using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SesBot.Core.Domain;

namespace SesBot.Core.Persistence.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.Id).HasMaxLength(64);
        builder.Property(c => c.ResellerId).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.Property(c => c.AzureTenantId).HasMaxLength(36);
        builder.HasOne<Reseller>().WithMany().HasForeignKey(c => c.ResellerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Accounts).WithOne().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Accounts).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.IsRemoved);
        builder.HasIndex(c => new { c.ResellerId, c.Name });
    }
}
