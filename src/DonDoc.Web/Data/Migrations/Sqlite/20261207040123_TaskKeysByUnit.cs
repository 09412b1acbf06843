using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonDoc.Web.Data.Migrations.Sqlite
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
                columns: new[] { "LeadUnitId", "SearchKey" });
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
