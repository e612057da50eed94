using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SesBot.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupportOps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RequestFollowUps",
                columns: table => new
                {
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    WaitingOn = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    WaitingSince = table.Column<long>(type: "INTEGER", nullable: false),
                    RequestVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestFollowUps", x => x.RequestId);
                    table.ForeignKey(
                        name: "FK_RequestFollowUps_RemovalRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "RemovalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RequestFollowUps_DueAt",
                table: "RequestFollowUps",
                column: "DueAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RequestFollowUps");
        }
    }
}
