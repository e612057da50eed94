using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SesBot.Core.Domain;

namespace SesBot.Core.Persistence.Configurations;

internal sealed class RemovalRequestConfiguration : IEntityTypeConfiguration<RemovalRequest>
{
    public void Configure(EntityTypeBuilder<RemovalRequest> builder)
    {
        builder.ToTable("RemovalRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(32);
        builder.Property(r => r.IdempotencyKey).HasMaxLength(FieldLimits.IdempotencyKey).IsRequired();
        builder.HasIndex(r => r.IdempotencyKey).IsUnique();
        builder.Property(r => r.OpenSubjectKey).HasMaxLength(96);
        builder.HasIndex(r => r.OpenSubjectKey).IsUnique();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.RequestedById).HasMaxLength(128).IsRequired();
        builder.Property(r => r.RequestedByName).HasMaxLength(200).IsRequired();
        builder.Property(r => r.ResellerId).HasMaxLength(64).IsRequired();
        builder.Property(r => r.CustomerId).HasMaxLength(64).IsRequired();
        builder.Property(r => r.CloudAccountId).HasMaxLength(64);
        builder.Property(r => r.Reason).HasMaxLength(FieldLimits.Reason);
        builder.Property(r => r.TargetPartnerName).HasMaxLength(FieldLimits.PartnerName);
        builder.Property(r => r.TargetPartnerTenantId).HasMaxLength(FieldLimits.PartnerTenantId);
        builder.Property(r => r.EndCustomerEmail).HasMaxLength(FieldLimits.Email);
        builder.Property(r => r.EndCustomerLanguage).HasMaxLength(FieldLimits.Language);
        builder.Property(r => r.LastNote).HasMaxLength(FieldLimits.SupportNote);
        builder.Property(r => r.AssignedToId).HasMaxLength(128);
        builder.Property(r => r.AssignedToName).HasMaxLength(200);
        builder.HasIndex(r => r.AssignedToId);
        builder.Property(r => r.OpenQuestion).HasMaxLength(FieldLimits.SupportNote);
        builder.Property(r => r.QuestionAskedByName).HasMaxLength(200);
        builder.Ignore(r => r.IsWaitingOnReseller);
        builder.OwnsOne(r => r.Origin, origin =>
        {
            origin.Property(o => o.Channel).HasColumnName("OriginChannel").HasMaxLength(32);
            origin.Property(o => o.ConversationKey).HasColumnName("OriginConversationKey").HasMaxLength(RequestOrigin.KeyLength);
            origin.Property(o => o.AddressKey).HasColumnName("OriginAddressKey").HasMaxLength(RequestOrigin.KeyLength);
            origin.Property(o => o.CardMessageKey).HasColumnName("OriginCardMessageKey").HasMaxLength(RequestOrigin.KeyLength);
            origin.Property(o => o.RequesterChannelKey).HasColumnName("OriginRequesterChannelKey").HasMaxLength(RequestOrigin.KeyLength);
        });
        builder.HasIndex(r => new { r.ResellerId, r.CreatedAt });
        builder.HasIndex(r => r.CustomerId); // the foreign key's own index, kept beside the narrower one below
        // A customer's open requests (the account list's badges, a removal's check): only open rows are indexed, so
        // the planner prefers it to the reseller index even without statistics (one reseller may own every request).
        builder.HasIndex(r => r.CustomerId, "IX_RemovalRequests_CustomerId_Open").HasFilter("\"OpenSubjectKey\" IS NOT NULL");
        builder.HasOne<Reseller>().WithMany().HasForeignKey(r => r.ResellerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CloudAccount>().WithMany().HasForeignKey(r => r.CloudAccountId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.IsOpen);

        builder.OwnsOne(r => r.Contact, contact =>
        {
            contact.Property(c => c.CompanyName).HasColumnName("ContactCompanyName").HasMaxLength(FieldLimits.Contact(ContactField.CompanyName));
            contact.Property(c => c.ContactName).HasColumnName("ContactName").HasMaxLength(FieldLimits.Contact(ContactField.ContactName));
            contact.Property(c => c.ContactPhone).HasColumnName("ContactPhone").HasMaxLength(FieldLimits.Contact(ContactField.ContactPhone));
            contact.Property(c => c.StreetAddress).HasColumnName("ContactStreetAddress").HasMaxLength(FieldLimits.Contact(ContactField.StreetAddress));
            contact.Property(c => c.City).HasColumnName("ContactCity").HasMaxLength(FieldLimits.Contact(ContactField.City));
            contact.Property(c => c.StateOrRegion).HasColumnName("ContactStateOrRegion").HasMaxLength(FieldLimits.Contact(ContactField.StateOrRegion));
            contact.Property(c => c.PostalCode).HasColumnName("ContactPostalCode").HasMaxLength(FieldLimits.Contact(ContactField.PostalCode));
            contact.Property(c => c.Country).HasColumnName("ContactCountry").HasMaxLength(FieldLimits.CountryCode);
            contact.Property(c => c.BillingContactName).HasColumnName("BillingContactName").HasMaxLength(FieldLimits.Contact(ContactField.BillingContactName));
            contact.Property(c => c.BillingContactPhone).HasColumnName("BillingContactPhone").HasMaxLength(FieldLimits.Contact(ContactField.BillingContactPhone));
            contact.Property(c => c.BillingContactEmail).HasColumnName("BillingContactEmail").HasMaxLength(FieldLimits.Contact(ContactField.BillingContactEmail));
            contact.Property(c => c.AssignmentEmail).HasColumnName("AssignmentEmail").HasMaxLength(FieldLimits.Contact(ContactField.AssignmentEmail));
        });

        builder.OwnsOne(r => r.BillingImpact, impact =>
        {
            impact.Property(i => i.PeriodStart).HasColumnName("ImpactPeriodStart");
            impact.Property(i => i.PeriodEnd).HasColumnName("ImpactPeriodEnd");
            impact.Property(i => i.FirstDay).HasColumnName("ImpactFirstDay");
            impact.Property(i => i.LastDay).HasColumnName("ImpactLastDay");
            impact.Property(i => i.LinkedDays).HasColumnName("ImpactLinkedDays");
            impact.Property(i => i.DaysInMonth).HasColumnName("ImpactDaysInMonth");
            impact.Property(i => i.FractionOfMonth).HasColumnName("ImpactFractionOfMonth").HasPrecision(9, 4);
        });
    }
}
