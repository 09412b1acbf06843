using System.Text;
using DonDoc.Text;

namespace DonDoc.Text.Tests;

public class VnTextTests
{
    [Theory]
    [InlineData("Thành uỷ", "Thành ủy")]
    [InlineData("Thành ủy", "Thành ủy")]
    [InlineData("THÀNH UỶ", "THÀNH ỦY")]
    [InlineData("hoà bình", "hòa bình")]
    [InlineData("sức khoẻ.", "sức khỏe.")]
    [InlineData("chuyển hoá", "chuyển hóa")]
    [InlineData("thuỷ lợi", "thủy lợi")]
    [InlineData("Uỷ ban", "Ủy ban")]
    [InlineData("lan toả", "lan tỏa")]
    public void Normalize_puts_the_tone_on_the_first_vowel_of_a_final_pair(string input, string expected) =>
        Assert.Equal(expected, VnText.Normalize(input));

    [Theory]
    [InlineData("Hoàng")]
    [InlineData("quý")]
    [InlineData("Quỳnh")]
    [InlineData("quỹ đất")]
    [InlineData("thuyết")]
    [InlineData("hoạch")]
    [InlineData("toàn")]
    public void Normalize_leaves_pairs_that_are_not_final_or_follow_q(string word) =>
        Assert.Equal(word, VnText.Normalize(word));

    [Fact]
    public void Normalize_composes_decomposed_text()
    {
        var decomposed = "Thành ủy Hà Nội".Normalize(NormalizationForm.FormD);
        Assert.Equal("Thành ủy Hà Nội", VnText.Normalize(decomposed));
        Assert.True(VnText.Normalize(decomposed).IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void Normalize_turns_odd_spaces_into_one_space_and_trims() =>
        Assert.Equal("Hà Nội, ngày 08", VnText.Normalize("\u00A0 Hà\u00A0Nội,\u2009\tngày\u202F08 \u3000"));

    [Fact]
    public void Normalize_drops_zero_width_characters() =>
        Assert.Equal("Đảng bộ", VnText.Normalize("\uFEFFĐảng\u200B bộ\u00AD"));

    [Fact]
    public void Normalize_keeps_line_breaks_without_surrounding_spaces() =>
        Assert.Equal("Một là, a.\n\nHai là, b.", VnText.Normalize("Một là, a.  \r\n\r\n  Hai là, b.\r"));

    [Theory]
    [InlineData("ÐẢNG", "ĐẢNG")]
    [InlineData("ðảng", "đảng")]
    [InlineData("Trƣờng", "Trường")]
    [InlineData("ƢU TIÊN", "ƯU TIÊN")]
    [InlineData("35\u2011CT/TW", "35-CT/TW")]
    public void Normalize_maps_look_alike_characters(string input, string expected) =>
        Assert.Equal(expected, VnText.Normalize(input));

    [Theory]
    [InlineData("Thành ủy", "thanh uy")]
    [InlineData("Thành uỷ", "thanh uy")]
    [InlineData("Đảng bộ", "dang bo")]
    [InlineData("đồng chí Đinh Tiến Dũng", "dong chi dinh tien dung")]
    [InlineData("Ủy ban Kiểm tra", "uy ban kiem tra")]
    [InlineData("Nguyễn Thị Tuyến", "nguyen thi tuyen")]
    [InlineData("ƯU TIÊN", "uu tien")]
    public void Fold_lowers_and_strips_diacritics_including_d(string input, string expected) =>
        Assert.Equal(expected, VnText.Fold(input));

    [Fact]
    public void Fold_makes_tone_styles_and_plain_spelling_equal()
    {
        Assert.Equal(VnText.Fold("Thành ủy"), VnText.Fold("Thành uỷ"));
        Assert.Equal(VnText.Fold("Thành ủy"), VnText.Fold("thanh uy"));
        Assert.Equal(VnText.Fold("hòa"), VnText.Fold("HOÀ"));
    }

    [Fact]
    public void Fold_by_table_agrees_with_folding_by_decomposition()
    {
        // Every Vietnamese letter, both cases, and the Latin-1 and Latin Extended blocks the table covers.
        var letters = Enumerable.Range(0x20, 0x2000 - 0x20).Select(c => (char)c).Where(c => !char.IsSurrogate(c)).ToArray();
        foreach (var c in letters)
        {
            var expected = string.Concat(VnText.Normalize(c.ToString()).ToLowerInvariant().Normalize(NormalizationForm.FormD)
                .Where(x => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(x) != System.Globalization.UnicodeCategory.NonSpacingMark)
                .Select(x => x == 'đ' ? 'd' : x));
            Assert.True(expected == VnText.Fold(c.ToString()), $"U+{(int)c:X4}");
        }
    }
}
