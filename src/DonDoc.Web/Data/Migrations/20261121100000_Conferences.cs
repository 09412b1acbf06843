using DonDoc.Web.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DonDoc.Web.Data.Migrations;

/// <summary>Imported report texts and what they hold: conferences, the documents they cite, people and their positions, figures, lists.</summary>
[DbContext(typeof(AppDb))]
[Migration("20261121100000_Conferences")]
public sealed class Conferences : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ImportSources",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                FileName = table.Column<string>(maxLength: 260, nullable: true),
                Content = table.Column<string>(nullable: false),
                PublishedOn = table.Column<DateOnly>(nullable: true),
                ImportedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ImportSources", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "People",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                NameKey = table.Column<string>(maxLength: 100, nullable: false),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_People", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Conferences",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                Title = table.Column<string>(maxLength: 500, nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                SourceId = table.Column<int>(nullable: true),
                CreatedAtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Conferences", x => x.Id);
                table.ForeignKey(
                    name: "FK_Conferences_ImportSources_SourceId",
                    column: x => x.SourceId,
                    principalTable: "ImportSources",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ConferenceFigures",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ConferenceId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 300, nullable: false),
                Value = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                Total = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                IsPercent = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConferenceFigures", x => x.Id);
                table.ForeignKey(
                    name: "FK_ConferenceFigures_Conferences_ConferenceId",
                    column: x => x.ConferenceId,
                    principalTable: "Conferences",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ConferenceLists",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ConferenceId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConferenceLists", x => x.Id);
                table.ForeignKey(
                    name: "FK_ConferenceLists_Conferences_ConferenceId",
                    column: x => x.ConferenceId,
                    principalTable: "Conferences",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ConferencePeople",
            columns: table => new
            {
                ConferenceId = table.Column<int>(nullable: false),
                PersonId = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConferencePeople", x => new { x.ConferenceId, x.PersonId });
                table.ForeignKey(
                    name: "FK_ConferencePeople_Conferences_ConferenceId",
                    column: x => x.ConferenceId,
                    principalTable: "Conferences",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ConferencePeople_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PersonPositions",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                PersonId = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 300, nullable: false),
                SeenOn = table.Column<DateOnly>(nullable: false),
                ConferenceId = table.Column<int>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonPositions", x => x.Id);
                table.ForeignKey(
                    name: "FK_PersonPositions_Conferences_ConferenceId",
                    column: x => x.ConferenceId,
                    principalTable: "Conferences",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
                table.ForeignKey(
                    name: "FK_PersonPositions_People_PersonId",
                    column: x => x.PersonId,
                    principalTable: "People",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ConferenceDocuments",
            columns: table => new
            {
                ConferenceId = table.Column<int>(nullable: false),
                DocumentId = table.Column<int>(nullable: false),
                Citation = table.Column<string>(maxLength: 500, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConferenceDocuments", x => new { x.ConferenceId, x.DocumentId });
                table.ForeignKey(
                    name: "FK_ConferenceDocuments_Conferences_ConferenceId",
                    column: x => x.ConferenceId,
                    principalTable: "Conferences",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_ConferenceDocuments_Documents_DocumentId",
                    column: x => x.DocumentId,
                    principalTable: "Documents",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ConferenceListItems",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                ListId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ConferenceListItems", x => x.Id);
                table.ForeignKey(
                    name: "FK_ConferenceListItems_ConferenceLists_ListId",
                    column: x => x.ListId,
                    principalTable: "ConferenceLists",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_ConferenceDocuments_DocumentId",
            table: "ConferenceDocuments",
            column: "DocumentId");

        migrationBuilder.CreateIndex(
            name: "IX_ConferenceFigures_ConferenceId",
            table: "ConferenceFigures",
            column: "ConferenceId");

        migrationBuilder.CreateIndex(
            name: "IX_ConferenceListItems_ListId",
            table: "ConferenceListItems",
            column: "ListId");

        migrationBuilder.CreateIndex(
            name: "IX_ConferenceLists_ConferenceId",
            table: "ConferenceLists",
            column: "ConferenceId");

        migrationBuilder.CreateIndex(
            name: "IX_ConferencePeople_PersonId",
            table: "ConferencePeople",
            column: "PersonId");

        migrationBuilder.CreateIndex(
            name: "IX_Conferences_HeldOn",
            table: "Conferences",
            column: "HeldOn");

        migrationBuilder.CreateIndex(
            name: "IX_Conferences_SourceId",
            table: "Conferences",
            column: "SourceId");

        migrationBuilder.CreateIndex(
            name: "IX_People_NameKey",
            table: "People",
            column: "NameKey");

        migrationBuilder.CreateIndex(
            name: "IX_PersonPositions_ConferenceId",
            table: "PersonPositions",
            column: "ConferenceId");

        migrationBuilder.CreateIndex(
            name: "IX_PersonPositions_PersonId_SeenOn",
            table: "PersonPositions",
            columns: new[] { "PersonId", "SeenOn" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ConferenceListItems");
        migrationBuilder.DropTable(name: "ConferenceDocuments");
        migrationBuilder.DropTable(name: "PersonPositions");
        migrationBuilder.DropTable(name: "ConferencePeople");
        migrationBuilder.DropTable(name: "ConferenceLists");
        migrationBuilder.DropTable(name: "ConferenceFigures");
        migrationBuilder.DropTable(name: "Conferences");
        migrationBuilder.DropTable(name: "People");
        migrationBuilder.DropTable(name: "ImportSources");
    }
}
