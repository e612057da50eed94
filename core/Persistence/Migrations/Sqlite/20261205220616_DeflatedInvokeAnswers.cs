using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SesBot.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeflatedInvokeAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<byte[]>(
                name: "ResponseJson",
                table: "InboundDeliveries",
                type: "BLOB",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The code before this migration reads the column as text: a deflated answer would come back as garbage, so
            // going back forgets the deflated answers (a redelivery of such a turn then gets no stored answer).
            migrationBuilder.Sql("UPDATE \"InboundDeliveries\" SET \"ResponseJson\" = NULL WHERE typeof(\"ResponseJson\") = 'blob';");

            migrationBuilder.AlterColumn<string>(
                name: "ResponseJson",
                table: "InboundDeliveries",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldNullable: true);
        }
    }
}
