using System.Globalization;
using DonDoc.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DonDoc.BrowserTests;

/// <summary>
/// The office corrects a task it gave from the task's page: the title and the deadline before the lead
/// unit accepts it; afterwards the page says that the deadline moves by an extension. Desktop and phone.
/// </summary>
public sealed class EditPageTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_office_corrects_a_task_from_its_page_and_after_acceptance_the_deadline_stays()
    {
        var due = app.Clock.Today.AddDays(20);
        var id = await app.WithServicesAsync(async services =>
        {
            var created = await services.GetRequiredService<TaskWorkflow>().CreateAsync(new NewTask
            {
                Title = "Rà soát đảng vien sau sắp xếp", LeadUnitId = app.Children[0].Id, AssignedByUnitId = app.Root.Id,
                DeadlineKind = DeadlineKind.Date, DueDate = due,
            });
            return created.Value!.Id;
        });

        await using var context = await app.NewContextAsync(locale: "en-US");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/Tasks/Details/{id}");
        await BrowserApp.SignInAsync(page);
        await page.Locator("#edit-task").ClickAsync();
        var form = page.Locator("#form-edit-task");
        await form.Locator("[name='Input.Title']").FillAsync("Rà soát đảng viên sau sắp xếp");
        var dueField = form.Locator("input[name='Input.DueDate']");
        Assert.Equal(Day(due), await dueField.InputValueAsync());
        await dueField.FillAsync(Day(due.AddDays(10)));
        await BrowserApp.ExpectAccessibleAsync(page);
        await BrowserApp.ScreenshotAsync(page, "task-edit");
        await form.Locator(".field-actions button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#flash")).ToHaveTextAsync("Đã sửa nhiệm vụ.");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Rà soát đảng viên sau sắp xếp");
        var saved = await app.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.Id == id).Select(t => t.DueDate).SingleAsync());
        Assert.Equal(due.AddDays(10), saved);

        await app.WithServicesAsync(async services => (await services.GetRequiredService<TaskWorkflow>().AcceptAsync(id)).IsDone);
        await using var phone = await app.NewContextAsync(phone: true);
        var small = await phone.NewPageAsync();
        await small.GotoAsync($"/Tasks/Edit/{id}");
        await BrowserApp.SignInAsync(small);
        await Assertions.Expect(small.Locator("#deadline-kept")).ToContainTextAsync("đề nghị gia hạn");
        Assert.Equal(0, await small.Locator("#form-edit-task input[name='Input.DueDate']").CountAsync());
        await BrowserApp.ExpectNoSidewaysScrollAsync(small);
        await BrowserApp.ScreenshotAsync(small, "task-edit-phone");
    }
}
