using System.ComponentModel.DataAnnotations;
using DonDoc.Text;
using DonDoc.Web.Data;
using DonDoc.Web.Features.Shared;
using DonDoc.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Web.Features.Documents;

public sealed class NewDocument
{
    [Required(ErrorMessage = "Nhập số, ký hiệu văn bản (ví dụ: 35-CT/TW hoặc 15/QĐ-UBND).")]
    [StringLength(80, ErrorMessage = "Số, ký hiệu dài quá 80 ký tự.")]
    public string Symbol { get; set; } = "";

    [Required(ErrorMessage = "Nhập ngày ban hành.")]
    public DateOnly? IssuedOn { get; set; }

    [Required(ErrorMessage = "Nhập trích yếu văn bản.")]
    [StringLength(500, ErrorMessage = "Trích yếu dài quá 500 ký tự.")]
    public string Title { get; set; } = "";

    [StringLength(4000, ErrorMessage = "Tóm tắt dài quá 4.000 ký tự.")]
    public string? Summary { get; set; }

    // Needed only where one code names several types (QĐ: Quyết định or Quy định).
    [StringLength(60, ErrorMessage = "Tên loại văn bản dài quá 60 ký tự.")]
    public string? TypeName { get; set; }
}

/// <summary>Registers documents: parses the symbol, checks its codes against the tables and its identity.</summary>
public sealed class DocumentRegistry(AppDb db, Clock clock)
{
    public Task<Outcome<Document>> RegisterAsync(NewDocument input, DocumentStatus status = DocumentStatus.Registered, CancellationToken ct = default) =>
        RegisterAsync(input, status, registeredByUnitId: null, ct);

    /// <param name="reader">Whose refusal names the copy already in the register, if they may see it.</param>
    public async Task<Outcome<Document>> RegisterAsync(NewDocument input, DocumentStatus status, int? registeredByUnitId, CancellationToken ct = default,
        Accounts.UserScope? reader = null)
    {
        var problems = new Problems();
        var parsed = DocumentSymbol.Parse(input.Symbol);
        if (!parsed.Ok)
            problems.Add(nameof(input.Symbol), parsed.Error!);
        if (input.IssuedOn is null)
            problems.Add(nameof(input.IssuedOn), "Nhập ngày ban hành.");
        else if (input.IssuedOn > clock.Today)
            problems.Add(nameof(input.IssuedOn), $"Ngày ban hành {VnFormat.Date(input.IssuedOn)} ở sau hôm nay.");
        if (string.IsNullOrWhiteSpace(input.Title))
            problems.Add(nameof(input.Title), "Nhập trích yếu văn bản.");
        if (problems.Any)
            return problems;

        var symbol = parsed.Symbol!;
        var issuedOn = input.IssuedOn!.Value;
        var types = await db.DocumentTypes.Where(t => t.Form == symbol.Form && t.Code == symbol.TypeCode).ToListAsync(ct);
        var formName = symbol.Form == SymbolForm.Party ? "văn bản của Đảng" : "văn bản nhà nước";
        DocumentType? type = null;
        if (types.Count == 0)
            problems.Add(nameof(input.Symbol), $"Loại văn bản “{symbol.TypeCode}” không có trong danh mục {formName}.");
        else if (types.Count == 1)
            type = types[0];
        else if ((type = types.FirstOrDefault(t => t.Name == input.TypeName)) is null)
            problems.Add(nameof(input.TypeName), $"Ký hiệu “{symbol.TypeCode}” dùng cho {string.Join(" hoặc ", types.Select(t => t.Name))}: chọn loại văn bản.");

        var issuer = await db.Issuers.FirstOrDefaultAsync(i => i.Code == symbol.IssuerCode, ct);
        if (issuer is null)
            problems.Add(nameof(input.Symbol), $"Cơ quan ban hành “{symbol.IssuerCode}” không có trong danh mục.");
        else if (issuer.Form != symbol.Form)
            problems.Add(nameof(input.Symbol), $"“{symbol.IssuerCode}” không ban hành {formName}; kiểm tra cách viết số, ký hiệu.");
        // ValidTo is the first day without the issuer, as for units.
        else if (issuer.ValidFrom > issuedOn || issuer.ValidTo <= issuedOn)
            problems.Add(nameof(input.Symbol), $"Cơ quan ban hành “{symbol.IssuerCode}” không còn hoạt động vào ngày {VnFormat.Date(issuedOn)}.");

        Term? term = null;
        if (symbol.Form == SymbolForm.Party)
        {
            term = await TermOfAsync(symbol.IssuerCode, issuedOn, ct);
            if (term is null)
                problems.Add(nameof(input.IssuedOn), $"Không có nhiệm kỳ nào chứa ngày {VnFormat.Date(issuedOn)}.");
        }
        else if (symbol.Year is { } year && year != issuedOn.Year)
            problems.Add(nameof(input.IssuedOn), $"Năm trong ký hiệu ({year}) khác năm ban hành ({issuedOn.Year}).");
        if (problems.Any)
            return problems;

        var key = Document.KeyFor(symbol.Form, symbol.IssuerCode, symbol.TypeCode, symbol.Number,
            term?.Id.ToString() ?? issuedOn.Year.ToString());
        // The copy in the register is named only to a reader who may see it: it may belong to a unit they cannot.
        async Task<Problems> RegisteredAsync()
        {
            var said = symbol.Form == SymbolForm.Party
                ? $"Văn bản {symbol.Canonical} của nhiệm kỳ {term!.Name} đã có trong sổ"
                : $"Văn bản {symbol.Canonical} năm {issuedOn.Year} đã có trong sổ";
            var copy = reader is null ? null : await reader.Visible(db.Documents.AsNoTracking()).Where(d => d.IdentityKey == key)
                .Select(d => new { d.Id, d.Title, d.IssuedOn }).FirstOrDefaultAsync(ct);
            return Problems.Of(nameof(input.Symbol), copy is null ? $"{said}."
                : $"{said}: văn bản số {copy.Id} trong sổ, “{copy.Title}”, ban hành ngày {VnFormat.Date(copy.IssuedOn)}.");
        }
        if (await db.Documents.AnyAsync(d => d.IdentityKey == key, ct))
            return await RegisteredAsync();

        var document = new Document
        {
            Form = symbol.Form,
            Symbol = symbol.Canonical,
            Number = symbol.Number,
            TypeCode = symbol.TypeCode,
            TypeName = type!.Name,
            IssuerCode = symbol.IssuerCode,
            Year = symbol.Form == SymbolForm.State ? issuedOn.Year : null,
            TermId = term?.Id,
            IssuedOn = issuedOn,
            Title = VnText.Normalize(input.Title),
            Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : VnText.Normalize(input.Summary),
            Status = status,
            IdentityKey = key,
            CreatedAtUtc = clock.UtcNow,
            RegisteredByUnitId = registeredByUnitId,
        };
        db.Documents.Add(document);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone registered the same document between the check above and this save: the unique key refused it.
            db.Entry(document).State = EntityState.Detached;
            if (await db.Documents.AnyAsync(d => d.IdentityKey == key, ct))
                return await RegisteredAsync();
            throw;
        }
        return document;
    }

    private Task<Term?> TermOfAsync(string issuerCode, DateOnly day, CancellationToken ct) =>
        db.Terms.Where(t => (t.IssuerCode == issuerCode || t.IssuerCode == null) && t.StartsOn <= day && t.EndsOn >= day)
            .OrderByDescending(t => t.IssuerCode != null).FirstOrDefaultAsync(ct);
}
