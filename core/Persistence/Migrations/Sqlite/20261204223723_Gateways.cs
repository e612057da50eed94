using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SesBot.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Gateways : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AzureTenantId",
                table: "Customers",
                type: "TEXT",
                maxLength: 36,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CloudExecutions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CloudAccountId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CallStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ErrorKind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ErrorMessage = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ActiveKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Simulated = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReplyChannel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReplyConversationKey = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    ReplyAddressKey = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CloudExecutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CloudExecutions_RemovalRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "RemovalRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SimulatedAwsAccounts",
                columns: table => new
                {
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    JoinedMethod = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsMember = table.Column<bool>(type: "INTEGER", nullable: false),
                    LeftAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DelegatedServices = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    RemoveCalls = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimulatedAwsAccounts", x => x.AccountId);
                });

            migrationBuilder.CreateTable(
                name: "SimulatedAzureSubscriptions",
                columns: table => new
                {
                    SubscriptionId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    OfferName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PatchCalls = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimulatedAzureSubscriptions", x => x.SubscriptionId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CloudExecutions_ActiveKey",
                table: "CloudExecutions",
                column: "ActiveKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CloudExecutions_RequestId_CreatedAt",
                table: "CloudExecutions",
                columns: new[] { "RequestId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CloudExecutions");

            migrationBuilder.DropTable(
                name: "SimulatedAwsAccounts");

            migrationBuilder.DropTable(
                name: "SimulatedAzureSubscriptions");

            migrationBuilder.DropColumn(
                name: "AzureTenantId",
                table: "Customers");
        }
    }
}
