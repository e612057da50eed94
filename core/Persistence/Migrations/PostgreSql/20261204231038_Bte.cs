using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SesBot.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Bte : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SimulatedBillingTransfers",
                columns: table => new
                {
                    TransferId = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    SourceManagementAccountId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Failure = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    TerminateCalls = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimulatedBillingTransfers", x => x.TransferId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SimulatedBillingTransfers");
        }
    }
}
