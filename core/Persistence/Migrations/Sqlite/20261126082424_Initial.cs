using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SesBot.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConversationAddresses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TeamKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TenantKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReferenceJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationAddresses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DialogStates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DialogName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SchemaVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    DataJson = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DialogStates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboundDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DeliveryKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundDeliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Resellers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Resellers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChannelUsers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TenantKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ResellerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelUsers_Resellers_ResellerId",
                        column: x => x.ResellerId,
                        principalTable: "Resellers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Customers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ResellerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Customers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Customers_Resellers_ResellerId",
                        column: x => x.ResellerId,
                        principalTable: "Resellers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CloudAccounts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Provider = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LinkedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CloudAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CloudAccounts_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "BillingRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CloudAccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BillingRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BillingRecords_CloudAccounts_CloudAccountId",
                        column: x => x.CloudAccountId,
                        principalTable: "CloudAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RemovalRequests",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ResellerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CustomerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CloudAccountId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenSubjectKey = table.Column<string>(type: "TEXT", maxLength: 96, nullable: true),
                    ContactCompanyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ContactStreetAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactCity = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactStateOrRegion = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactPostalCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ContactCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    BillingContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BillingContactPhone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    BillingContactEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    AssignmentEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TargetPartnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TargetPartnerTenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EndCustomerEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    EndCustomerLanguage = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ImpactPeriodStart = table.Column<long>(type: "INTEGER", nullable: true),
                    ImpactPeriodEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    ImpactFirstDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ImpactLastDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ImpactLinkedDays = table.Column<int>(type: "INTEGER", nullable: true),
                    ImpactDaysInMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    ImpactFractionOfMonth = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    LastNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RemovalRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RemovalRequests_CloudAccounts_CloudAccountId",
                        column: x => x.CloudAccountId,
                        principalTable: "CloudAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RemovalRequests_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RemovalRequests_Resellers_ResellerId",
                        column: x => x.ResellerId,
                        principalTable: "Resellers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_EntityType_EntityId_At",
                table: "AuditEvents",
                columns: new[] { "EntityType", "EntityId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_BillingRecords_CloudAccountId_Month",
                table: "BillingRecords",
                columns: new[] { "CloudAccountId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelUsers_Channel_TenantKey_UserKey",
                table: "ChannelUsers",
                columns: new[] { "Channel", "TenantKey", "UserKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelUsers_ResellerId",
                table: "ChannelUsers",
                column: "ResellerId");

            migrationBuilder.CreateIndex(
                name: "IX_CloudAccounts_CustomerId",
                table: "CloudAccounts",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CloudAccounts_Provider_ExternalId",
                table: "CloudAccounts",
                columns: new[] { "Provider", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConversationAddresses_Channel_ConversationKey",
                table: "ConversationAddresses",
                columns: new[] { "Channel", "ConversationKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConversationAddresses_Channel_UserKey",
                table: "ConversationAddresses",
                columns: new[] { "Channel", "UserKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Customers_ResellerId_Name",
                table: "Customers",
                columns: new[] { "ResellerId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_DialogStates_Channel_ConversationKey_UserKey",
                table: "DialogStates",
                columns: new[] { "Channel", "ConversationKey", "UserKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundDeliveries_Channel_DeliveryKey",
                table: "InboundDeliveries",
                columns: new[] { "Channel", "DeliveryKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboundDeliveries_ReceivedAt",
                table: "InboundDeliveries",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RemovalRequests_CloudAccountId",
                table: "RemovalRequests",
                column: "CloudAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_RemovalRequests_CustomerId",
                table: "RemovalRequests",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_RemovalRequests_IdempotencyKey",
                table: "RemovalRequests",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RemovalRequests_OpenSubjectKey",
                table: "RemovalRequests",
                column: "OpenSubjectKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RemovalRequests_ResellerId_CreatedAt",
                table: "RemovalRequests",
                columns: new[] { "ResellerId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "BillingRecords");

            migrationBuilder.DropTable(
                name: "ChannelUsers");

            migrationBuilder.DropTable(
                name: "ConversationAddresses");

            migrationBuilder.DropTable(
                name: "DialogStates");

            migrationBuilder.DropTable(
                name: "InboundDeliveries");

            migrationBuilder.DropTable(
                name: "RemovalRequests");

            migrationBuilder.DropTable(
                name: "CloudAccounts");

            migrationBuilder.DropTable(
                name: "Customers");

            migrationBuilder.DropTable(
                name: "Resellers");
        }
    }
}
