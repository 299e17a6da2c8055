using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Payments;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Unit.Checkout;

/// <summary>A same-day full refund is a cancel: "same day" is the Turkish calendar day (UTC+3).</summary>
[TestFixture, Category(TestCategories.Unit), Category(TestCategories.Refund)]
public class BusinessDayTests
{
    [TestCase("2026-11-22T08:00:00Z", "2026-11-22T20:59:59Z", true)]
    [TestCase("2026-11-22T08:00:00Z", "2026-11-22T21:00:00Z", false)]   // midnight in Istanbul
    [TestCase("2026-11-21T21:30:00Z", "2026-11-22T10:00:00Z", true)]    // 00:30 and 13:00 on the 22nd in Istanbul
    [TestCase("2026-11-21T20:30:00Z", "2026-11-22T10:00:00Z", false)]
    public void IsSameBusinessDay_UsesTheTurkishCalendarDay(string paid, string now, bool expected)
    {
        RefundService.IsSameBusinessDay(DateTime.Parse(paid).ToUniversalTime(), DateTimeOffset.Parse(now)).Should().Be(expected);
    }

    [Test]
    public void IsSameBusinessDay_WithoutAPaidDate_IsFalse()
    {
        RefundService.IsSameBusinessDay(null, DateTimeOffset.UtcNow).Should().BeFalse();
    }
}
