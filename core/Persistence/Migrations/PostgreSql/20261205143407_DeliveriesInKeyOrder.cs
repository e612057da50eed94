using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SesBot.Core.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DeliveriesInKeyOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboundDeliveries_ReceivedAt",
                table: "InboundDeliveries");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_InboundDeliveries_ReceivedAt",
                table: "InboundDeliveries",
                column: "ReceivedAt");
        }
    }
}
