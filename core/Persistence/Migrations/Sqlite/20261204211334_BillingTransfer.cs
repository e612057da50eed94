using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SesBot.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BillingTransfer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BillingTransferEndsAt",
                table: "CloudAccounts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillingTransferId",
                table: "CloudAccounts",
                type: "TEXT",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillingTransferSourceAccountId",
                table: "CloudAccounts",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "BillingTransferStartedAt",
                table: "CloudAccounts",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BillingTransferEndsAt",
                table: "CloudAccounts");

            migrationBuilder.DropColumn(
                name: "BillingTransferId",
                table: "CloudAccounts");

            migrationBuilder.DropColumn(
                name: "BillingTransferSourceAccountId",
                table: "CloudAccounts");

            migrationBuilder.DropColumn(
                name: "BillingTransferStartedAt",
                table: "CloudAccounts");
        }
    }
}
