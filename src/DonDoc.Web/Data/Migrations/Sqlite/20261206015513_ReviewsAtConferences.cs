using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DonDoc.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewsAtConferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ConferenceId",
                table: "Reviews",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReviewId",
                table: "Lessons",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ConferenceId",
                table: "Reviews",
                column: "ConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_ReviewId",
                table: "Lessons",
                column: "ReviewId");

            migrationBuilder.AddForeignKey(
                name: "FK_Lessons_Reviews_ReviewId",
                table: "Lessons",
                column: "ReviewId",
                principalTable: "Reviews",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Reviews_Conferences_ConferenceId",
                table: "Reviews",
                column: "ConferenceId",
                principalTable: "Conferences",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Lessons_Reviews_ReviewId",
                table: "Lessons");

            migrationBuilder.DropForeignKey(
                name: "FK_Reviews_Conferences_ConferenceId",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_ConferenceId",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Lessons_ReviewId",
                table: "Lessons");

            migrationBuilder.DropColumn(
                name: "ConferenceId",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ReviewId",
                table: "Lessons");
        }
    }
}
