using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SesBot.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class BillingTransfer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BillingTransferEndsAt",
                table: "CloudAccounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillingTransferId",
                table: "CloudAccounts",
                type: "character varying(35)",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillingTransferSourceAccountId",
                table: "CloudAccounts",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BillingTransferStartedAt",
                table: "CloudAccounts",
                type: "timestamp with time zone",
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
