using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SesBot.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupportChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SupportChannels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SetById = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SetByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportChannels", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupportChannels_Region",
                table: "SupportChannels",
                column: "Region",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupportChannels");
        }
    }
}
