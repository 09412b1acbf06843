using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonDoc.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskKeysByUnit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tasks_LeadUnitId_Search",
                table: "Tasks",
                column: "LeadUnitId")
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "SearchKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tasks_LeadUnitId_Search",
                table: "Tasks");
        }
    }
}
