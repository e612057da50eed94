using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SesBot.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupportActions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AssignedAt",
                table: "RemovalRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedToId",
                table: "RemovalRequests",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignedToName",
                table: "RemovalRequests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OpenQuestion",
                table: "RemovalRequests",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginAddressKey",
                table: "RemovalRequests",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginCardMessageKey",
                table: "RemovalRequests",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginChannel",
                table: "RemovalRequests",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginConversationKey",
                table: "RemovalRequests",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginRequesterChannelKey",
                table: "RemovalRequests",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "QuestionAskedAt",
                table: "RemovalRequests",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "QuestionAskedByName",
                table: "RemovalRequests",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_RemovalRequests_AssignedToId",
                table: "RemovalRequests",
                column: "AssignedToId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RemovalRequests_AssignedToId",
                table: "RemovalRequests");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "RemovalRequests");

            migrationBuilder.DropColumn(
                name: "AssignedToId",
                table: "RemovalRequests");

            migrationBuilder.DropColumn(
                name: "AssignedToName",
                table: "RemovalRequests");

            migrationBuilder.DropColumn(
                name: "OpenQuestion",
                table: "RemovalRequests");

            migrationBuilder.DropColumn(
                name: "OriginAddressKey",
                table: "RemovalRequests");

            migrationBuilder.DropColumn(
                name: "OriginCardMessageKey",
                table: "RemovalRequests");

            migrationBuilder.DropColumn(
                name: "OriginChannel",
                table: "RemovalRequests");

            migrationBuilder.DropColumn(
                name: "OriginConversationKey",
                table: "RemovalRequests");

            migrationBuilder.DropColumn(
                name: "OriginRequesterChannelKey",
                table: "RemovalRequests");

            migrationBuilder.DropColumn(
                name: "QuestionAskedAt",
                table: "RemovalRequests");

            migrationBuilder.DropColumn(
                name: "QuestionAskedByName",
                table: "RemovalRequests");
        }
    }
}
