namespace DonDoc.Web.Features.Shared;

/// <summary>
/// A record found by folded text search: its <see cref="SearchKey"/> is <see cref="DonDoc.Text.VnText.Fold"/>
/// of its searchable text, kept by AppDb on every save. Folding in C# gives SQLite and PostgreSQL the
/// same answer ("thanh uy" finds "Thành uỷ", "đ" matches "d"), which neither database does alone.
/// </summary>
public interface ISearchable
{
    string SearchKey { get; set; }

    string SearchText { get; }
}
