using DonDoc.Web.Features.Dashboard;
using ScottPlot;

namespace DonDoc.Web.Features.Reports;

/// <summary>A bar; <paramref name="Text"/> replaces the value written at its end ("12/34" rather than 12).</summary>
public sealed record ChartBar(string Label, double Value, string? Text = null);

/// <summary>One chart, drawn as SVG on a page and as PNG inside a report, so both show the same bars.</summary>
public sealed record ChartSpec(string Title, string Axis, IReadOnlyList<ChartBar> Bars, string Color)
{
    public const int Width = 800;

    public int Height => 110 + 34 * Math.Max(Bars.Count, 1);

    public string Svg() => Draw().GetSvgXml(Width, Height);

    public byte[] Png() => Draw().GetImageBytes(Width, Height, ImageFormat.Png);

    // Horizontal bars, first row on top, so that unit names read as they do in the table.
    private Plot Draw()
    {
        var plot = new Plot();
        plot.Font.Set(Fonts.Detect(string.Concat(Bars.Select(b => b.Label)) + Title));
        var count = Bars.Count;
        var bars = Bars.Select((b, i) => new Bar
        {
            Position = count - i,
            Value = b.Value,
            FillColor = ScottPlot.Color.FromHex(Color),
            Label = b.Text ?? b.Value.ToString("0.#", DonDoc.Text.VnFormat.Culture),
        }).ToList();
        var series = plot.Add.Bars(bars);
        series.Horizontal = true;
        series.ValueLabelStyle.FontSize = 13;
        plot.Axes.Left.SetTicks(Bars.Select((_, i) => (double)(count - i)).ToArray(), Bars.Select(b => b.Label).ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Bottom.Label.Text = Axis;
        plot.Axes.Bottom.Label.FontSize = 13;
        plot.Axes.Margins(left: 0, right: 0.12, bottom: 0.5 / Math.Max(count, 1), top: 0.5 / Math.Max(count, 1));
        plot.Title(Title, size: 15);
        plot.HideGrid();
        return plot;
    }
}

public static class ReportCharts
{
    // A unit per line in a chart keeps its labels legible; beyond this the table carries the rest.
    public const int MaxBars = 30;

    public static ChartSpec CompletionByChild(DashboardView view)
    {
        // The children come in ranking order; those with nothing due have no rate to draw.
        var ranked = view.Children.Where(c => view.Ranks.ContainsKey(c.Id)).ToList();
        var title = ranked.Count > MaxBars ? $"Tỷ lệ hoàn thành của {MaxBars} đơn vị đầu bảng xếp hạng" : "Tỷ lệ hoàn thành theo đơn vị trực thuộc";
        return new ChartSpec(title, "Tỷ lệ hoàn thành (%)",
            ranked.Take(MaxBars).Select(c => new ChartBar(c.Name, (double)(c.Counts.CompletionRate ?? 0))).ToList(), "#2f6f4f");
    }

    public static readonly (int From, int To, string Label)[] AgeBands =
        [(1, 30, "1–30 ngày"), (31, 90, "31–90 ngày"), (91, 180, "91–180 ngày"), (181, int.MaxValue, "Trên 180 ngày")];

    public static ChartSpec OverdueByAge(IEnumerable<TaskDue> overdue, DateOnly day)
    {
        var ages = overdue.Where(t => t.Overlay == Tasks.Overlay.Overdue).Select(t => day.DayNumber - t.DueDate.DayNumber).ToList();
        return new ChartSpec("Nhiệm vụ quá hạn theo số ngày quá hạn", "Số nhiệm vụ",
            AgeBands.Select(b => new ChartBar(b.Label, ages.Count(a => a >= b.From && a <= b.To))).ToList(), "#a33b2b");
    }

    public static ChartSpec ProgramProgress(IReadOnlyList<Milestone> milestones) =>
        new("Tiến độ chương trình qua các mốc", "Hạng mục đã hoàn thành (%)",
            milestones.Select(m => new ChartBar(DonDoc.Text.VnFormat.Date(m.Day), m.Total == 0 ? 0 : 100.0 * m.Completed / m.Total,
                $"{DonDoc.Text.VnFormat.Number(m.Completed)}/{DonDoc.Text.VnFormat.Number(m.Total)}")).ToList(), "#1f4e79");
}
