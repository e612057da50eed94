using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using SesBot.Core.Persistence;

namespace SesBot.Core.Tests.Persistence;

/// <summary>
/// The direct save sets a key the store generated on an untracked entity through the member EF Core itself writes:
/// compiled for a field or setter it can assign, by reflection for a read-only field.
/// </summary>
public sealed class KeySetterTests
{
    [Fact]
    public void AutoPropertyWithPrivateSetter_KeySet()
    {
        var row = new WithPrivateSetter();

        SqliteDirectSave.KeySetter(Key<WithPrivateSetter>())(row, 42L);

        Assert.Equal(42L, row.Id);
    }

    [Fact]
    public void ReadOnlyBackingField_KeySet()
    {
        var row = new WithReadOnlyField();

        var key = Key<WithReadOnlyField>(e => e.Property(r => r.Id).HasField("_id"));
        Assert.True(((System.Reflection.FieldInfo)key.GetMemberInfo(forMaterialization: false, forSet: true)).IsInitOnly); // the case under test

        SqliteDirectSave.KeySetter(key)(row, 7L);

        Assert.Equal(7L, row.Id);
    }

    [Fact]
    public void IntegerKey_KeySet()
    {
        var row = new WithIntegerKey();

        SqliteDirectSave.KeySetter(Key<WithIntegerKey>())(row, 9);

        Assert.Equal(9, row.Id);
    }

    private static IProperty Key<T>(Action<Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T>>? configure = null)
        where T : class
    {
        var builder = new ModelBuilder(SqliteConventionSetBuilder.Build());
        var entity = builder.Entity<T>();
        configure?.Invoke(entity);
        var model = builder.FinalizeModel();
        return model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties[0];
    }

    private sealed class WithPrivateSetter
    {
        public long Id { get; private set; }
    }

    private sealed class WithReadOnlyField
    {
#pragma warning disable CS0649 // written only by EF Core (and by the key setter under test), as a materialized key would be
        private readonly long _id;
#pragma warning restore CS0649

        public long Id => _id;
    }

    private sealed class WithIntegerKey
    {
        public int Id { get; set; }
    }
}
