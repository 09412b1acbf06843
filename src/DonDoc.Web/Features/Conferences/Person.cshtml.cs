using DonDoc.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Conferences;

public sealed record SeenPosition(string Title, DateOnly SeenOn, int? ConferenceId, string? ConferenceTitle);

public sealed record PersonConference(int Id, string Title, DateOnly HeldOn);

public sealed class PersonModel(AppDb db) : PageModel
{
    public Person Person { get; private set; } = null!;
    public IReadOnlyList<SeenPosition> Positions { get; private set; } = [];
    public IReadOnlyList<PersonConference> Conferences { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } person)
            return NotFound();
        Person = person;
        Conferences = await db.ConferencePeople.AsNoTracking().Where(p => p.PersonId == id)
            .Join(db.Conferences, p => p.ConferenceId, c => c.Id, (_, c) => c)
            .OrderByDescending(c => c.HeldOn).ThenByDescending(c => c.Id)
            .Select(c => new PersonConference(c.Id, c.Title, c.HeldOn)).ToListAsync(ct);
        var titles = Conferences.ToDictionary(c => c.Id, c => c.Title);
        Positions = (await db.PersonPositions.AsNoTracking().Where(p => p.PersonId == id)
                .OrderByDescending(p => p.SeenOn).ThenBy(p => p.Id)
                .Select(p => new { p.Title, p.SeenOn, p.ConferenceId }).ToListAsync(ct))
            .Select(p => new SeenPosition(p.Title, p.SeenOn, p.ConferenceId, p.ConferenceId is { } c ? titles.GetValueOrDefault(c) : null))
            .ToList();
        return Page();
    }
}
