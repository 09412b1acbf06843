using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonDoc.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_AssignedByUnitId",
                table: "Tasks");

            migrationBuilder.AddColumn<string>(
                name: "ImportCode",
                table: "Tasks",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "TaskImportPreviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Rows = table.Column<string>(type: "text", nullable: false),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskImportPreviews", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_AssignedByUnitId_ImportCode",
                table: "Tasks",
                columns: new[] { "AssignedByUnitId", "ImportCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskImportPreviews_ExpiresAtUtc",
                table: "TaskImportPreviews",
                column: "ExpiresAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TaskImportPreviews");

            migrationBuilder.DropIndex(
                name: "IX_Tasks_AssignedByUnitId_ImportCode",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "ImportCode",
                table: "Tasks");

            migrationBuilder.CreateIndex(
                name: "IX_Tasks_AssignedByUnitId",
                table: "Tasks",
                column: "AssignedByUnitId");
        }
    }
}
