namespace DonDoc.Text;

/// <summary>A file that cannot be read as a report; the message is Vietnamese and meant for the user.</summary>
public sealed class TextSourceException(string message, Exception? inner = null) : Exception(message, inner);
