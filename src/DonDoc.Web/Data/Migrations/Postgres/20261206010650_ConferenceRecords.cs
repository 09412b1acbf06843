using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DonDoc.Web.Data.Migrations.Postgres
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Format",
                table: "Conferences",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Conferences",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Replaces",
                table: "Conferences",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "Conferences",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Conferences",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Role",
                table: "ConferencePeople",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ConferenceBridges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConferenceId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    ConferenceId = table.Column<int>(type: "integer", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SearchKey = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
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
