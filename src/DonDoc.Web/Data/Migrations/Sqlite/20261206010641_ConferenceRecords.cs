using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonDoc.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConferenceRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ConclusionId",
                table: "Conferences",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Format",
                table: "Conferences",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Conferences",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Replaces",
                table: "Conferences",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "Conferences",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Conferences",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Role",
                table: "ConferencePeople",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ConferenceBridges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConferenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConferenceBridges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConferenceBridges_Conferences_ConferenceId",
                        column: x => x.ConferenceId,
                        principalTable: "Conferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConferenceBridges_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Lessons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    ConferenceId = table.Column<int>(type: "INTEGER", nullable: true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SearchKey = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lessons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Lessons_Conferences_ConferenceId",
                        column: x => x.ConferenceId,
                        principalTable: "Conferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Lessons_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conferences_ConclusionId",
                table: "Conferences",
                column: "ConclusionId");

            migrationBuilder.CreateIndex(
                name: "IX_Conferences_UnitId_HeldOn",
                table: "Conferences",
                columns: new[] { "UnitId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceBridges_ConferenceId",
                table: "ConferenceBridges",
                column: "ConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceBridges_UnitId",
                table: "ConferenceBridges",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_ConferenceId",
                table: "Lessons",
                column: "ConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_UnitId",
                table: "Lessons",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_Year_UnitId",
                table: "Lessons",
                columns: new[] { "Year", "UnitId" });

            migrationBuilder.AddForeignKey(
                name: "FK_Conferences_Documents_ConclusionId",
                table: "Conferences",
                column: "ConclusionId",
                principalTable: "Documents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Conferences_Units_UnitId",
                table: "Conferences",
                column: "UnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Conferences_Documents_ConclusionId",
                table: "Conferences");

            migrationBuilder.DropForeignKey(
                name: "FK_Conferences_Units_UnitId",
                table: "Conferences");

            migrationBuilder.DropTable(
                name: "ConferenceBridges");

            migrationBuilder.DropTable(
                name: "Lessons");

            migrationBuilder.DropIndex(
                name: "IX_Conferences_ConclusionId",
                table: "Conferences");

            migrationBuilder.DropIndex(
                name: "IX_Conferences_UnitId_HeldOn",
                table: "Conferences");

            migrationBuilder.DropColumn(
                name: "ConclusionId",
                table: "Conferences");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "Conferences");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Conferences");

            migrationBuilder.DropColumn(
                name: "Replaces",
                table: "Conferences");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "Conferences");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Conferences");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "ConferencePeople");
        }
    }
}
