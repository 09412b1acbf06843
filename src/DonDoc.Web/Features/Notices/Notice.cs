using DonDoc.Web.Features.Accounts;
using DonDoc.Web.Features.Tasks;
using DonDoc.Web.Features.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DonDoc.Web.Features.Notices;

public enum NoticeKind
{
    Assigned,
    Returned,
    AwaitingDecision,
    ExtensionDecided,
    DueSoon,
    Overdue,
    Escalation,
}

/// <summary>One thing a person is told about a task, in the application (the bell) and in their daily digest.</summary>
public sealed class Notice
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public int TaskId { get; set; }
    public TaskItem? Task { get; set; }
    public NoticeKind Kind { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }

    public const int TextLength = 1000;

    public static string Label(NoticeKind kind) => kind switch
    {
        NoticeKind.Assigned => "Được giao",
        NoticeKind.Returned => "Bị trả lại",
        NoticeKind.AwaitingDecision => "Chờ quyết định",
        NoticeKind.ExtensionDecided => "Kết quả đề nghị gia hạn",
        NoticeKind.DueSoon => "Sắp đến hạn",
        NoticeKind.Overdue => "Quá hạn",
        NoticeKind.Escalation => "Quá hạn lâu, đề nghị đôn đốc",
        _ => kind.ToString(),
    };
}

/// <summary>Whether a person gets the daily digest by e-mail, and at what hour (Hà Nội time). No row: on, at <see cref="DefaultHour"/>.</summary>
public sealed class ReminderPreference
{
    public int UserId { get; set; }
    public bool EmailDigest { get; set; } = true;
    public int DigestHour { get; set; } = DefaultHour;

    public const int DefaultHour = 7;
}

/// <summary>After how many days overdue a task assigned by the unit is brought to its leaders. No row: the configured default.</summary>
public sealed class UnitReminderSetting
{
    public int UnitId { get; set; }
    public int EscalateAfterDays { get; set; }
}

/// <summary>
/// What the daily passes did for a person on a day (their due notices, escalations, digest). The key makes
/// each at most once per person and day, whichever instance runs it and however often it is retried.
/// </summary>
public sealed class ReminderLog
{
    public required string Pass { get; set; }
    public int UserId { get; set; }
    public DateOnly Day { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>A message waiting to be handed to the SMTP server, or handed over (<see cref="SentAtUtc"/>).</summary>
public sealed class OutgoingMail
{
    public int Id { get; set; }
    public int? UserId { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime NextTryAtUtc { get; set; }
    // Taken by one instance while it talks to the server, so that two instances never send the same message.
    public DateTime? ClaimedUntilUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public string? LastError { get; set; }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.ToTable("Notices");
        b.Property(n => n.Text).HasMaxLength(Notice.TextLength);
        b.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(n => new { n.UserId, n.ReadAtUtc, n.Id });
        b.HasIndex(n => new { n.TaskId, n.Kind });
        b.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(n => n.Task).WithMany().HasForeignKey(n => n.TaskId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderPreferenceConfiguration : IEntityTypeConfiguration<ReminderPreference>
{
    public void Configure(EntityTypeBuilder<ReminderPreference> b)
    {
        b.ToTable("ReminderPreferences");
        b.HasKey(p => p.UserId);
        b.HasOne<AppUser>().WithOne().HasForeignKey<ReminderPreference>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnitReminderSettingConfiguration : IEntityTypeConfiguration<UnitReminderSetting>
{
    public void Configure(EntityTypeBuilder<UnitReminderSetting> b)
    {
        b.ToTable("UnitReminderSettings");
        b.HasKey(s => s.UnitId);
        b.HasOne<Unit>().WithOne().HasForeignKey<UnitReminderSetting>(s => s.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReminderLogConfiguration : IEntityTypeConfiguration<ReminderLog>
{
    public void Configure(EntityTypeBuilder<ReminderLog> b)
    {
        b.ToTable("ReminderLogs");
        b.HasKey(l => new { l.Pass, l.UserId, l.Day });
        b.Property(l => l.Pass).HasMaxLength(20);
        b.HasIndex(l => l.Day);
    }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> b)
    {
        b.ToTable("OutgoingMail");
        b.Property(m => m.To).HasMaxLength(320);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(2000);
        b.HasIndex(m => new { m.SentAtUtc, m.NextTryAtUtc });
        b.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
