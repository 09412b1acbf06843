using DonDoc.Web.Features.TaskImport;

namespace DonDoc.Web.Tests.TaskImport;

/// <summary>The rules of the import that need no database: units by code or name, parents by code.</summary>
public sealed class MatchingTests
{
    private static readonly UnitMatcher Units = new(
    [
        new KnownUnit(1, "DB01", "Đảng bộ phường Ba Đình"),
        new KnownUnit(2, "DB02", "Đảng bộ phường Hoàn Kiếm"),
        new KnownUnit(3, "CB01", "Chi bộ khu dân cư số 1"),
        new KnownUnit(4, "CB02", "Chi bộ khu dân cư số 1"),
        new KnownUnit(5, "BTC", "Ban Tổ chức Thành ủy"),
    ]);

    [Theory]
    [InlineData("DB01", 1)]
    [InlineData("db02", 2)]
    [InlineData("Đảng bộ phường Ba Đình", 1)]
    [InlineData("dang bo phuong ba dinh", 1)]
    [InlineData("ĐẢNG BỘ  PHƯỜNG HOÀN KIẾM", 2)]
    // Decomposed (NFD) input: the same letters once composed.
    [InlineData("Ban To\u0302\u0309 chu\u031Bc Tha\u0300nh u\u0309y", 5)]
    [InlineData("Ban Tổ chức Thành uỷ", 5)]
    public void A_unit_is_found_by_code_or_by_name_without_case_or_diacritics(string text, int id) =>
        Assert.Equal(id, Units.Match(text).Unit?.Id);

    [Fact]
    public void A_name_that_is_missing_or_partial_is_not_guessed()
    {
        var (unit, problem) = Units.Match("Quận Ba Đình");
        Assert.Null(unit);
        Assert.Equal("không tìm thấy đơn vị “Quận Ba Đình” trong các đơn vị anh/chị quản lý.", problem);
        Assert.Null(Units.Match("Ba Đình").Unit);
    }

    [Fact]
    public void A_name_two_units_share_asks_for_the_code()
    {
        var (unit, problem) = Units.Match("Chi bộ khu dân cư số 1");
        Assert.Null(unit);
        Assert.Contains("trùng tên với 2 đơn vị", problem);
        Assert.Contains("mã CB01", problem);
        Assert.Contains("mã CB02", problem);
        Assert.Equal(4, Units.Match("CB02").Unit?.Id);
    }

    [Fact]
    public void A_list_of_units_is_split_at_semicolons_and_line_breaks_never_at_commas() =>
        Assert.Equal(["Sở Văn hóa, Thể thao và Du lịch", "DB01", "Ban Tổ chức"],
            UnitMatcher.Split("Sở Văn hóa, Thể thao và Du lịch; DB01\nBan Tổ chức ;"));

    [Fact]
    public void A_parent_may_come_later_in_the_sheet_or_be_a_task_imported_before()
    {
        var (parents, problems) = Hierarchy.Resolve(["DA01", "CT01", "DA02"], ["CT01", "", "CT00"], new HashSet<string> { "CT00" });
        Assert.Equal([1, null, null], parents);
        Assert.All(problems, Assert.Null);
        Assert.Equal([1, 2, 0], Hierarchy.ParentsFirst(parents));
    }

    [Fact]
    public void An_unknown_parent_and_a_loop_of_parents_are_refused_per_row()
    {
        var (parents, problems) = Hierarchy.Resolve(["A", "B", "C", "D", "E"], ["B", "C", "A", "X", "E"], new HashSet<string>());
        Assert.Equal("mã cha tạo thành vòng lặp: A → B → C → A.", problems[0]);
        Assert.Equal("mã cha tạo thành vòng lặp: B → C → A → B.", problems[1]);
        Assert.Equal("mã cha tạo thành vòng lặp: C → A → B → C.", problems[2]);
        Assert.Equal("không có nhiệm vụ mã “X” trong tệp này hay trong các nhiệm vụ đã nhập.", problems[3]);
        Assert.Equal("mã cha tạo thành vòng lặp: E → E.", problems[4]);
        // Rows on a loop have no place in the order; the rest keep theirs.
        Assert.Equal([3], Hierarchy.ParentsFirst(parents));
    }

    [Theory]
    [InlineData("A1", 1)]
    [InlineData("Z9", 26)]
    [InlineData("AA10", 27)]
    [InlineData("XFD1048576", 16384)]
    public void Cell_references_name_their_column(string reference, int column)
    {
        Assert.Equal(column, XlsxUpload.ColumnOf(reference));
        Assert.Equal(reference.TrimEnd("0123456789".ToCharArray()), XlsxUpload.ColumnName(column));
    }
}
