using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonDoc.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IssuedReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IssuedReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuerUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientUnitId = table.Column<int>(type: "INTEGER", nullable: true),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermId = table.Column<int>(type: "INTEGER", nullable: false),
                    Register = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Symbol = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    CreatedByUserId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuedReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssuedReports_Terms_TermId",
                        column: x => x.TermId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssuedReports_Units_IssuerUnitId",
                        column: x => x.IssuerUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssuedReports_Units_RecipientUnitId",
                        column: x => x.RecipientUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IssuedReports_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IssuedReportFile",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuedReportFile", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssuedReportFile_IssuedReports_Id",
                        column: x => x.Id,
                        principalTable: "IssuedReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IssuedReports_IssuerUnitId_Register_TermId_Number",
                table: "IssuedReports",
                columns: new[] { "IssuerUnitId", "Register", "TermId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedReports_RecipientUnitId",
                table: "IssuedReports",
                column: "RecipientUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedReports_TermId",
                table: "IssuedReports",
                column: "TermId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedReports_UnitId_CreatedAtUtc",
                table: "IssuedReports",
                columns: new[] { "UnitId", "CreatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IssuedReportFile");

            migrationBuilder.DropTable(
                name: "IssuedReports");
        }
    }
}
