package dev.adafocus.data;

import dev.adafocus.DataFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** UTF-8 text files read strictly: a file that is not UTF-8 is an error naming the line of its first bad byte. */
public final class TextFiles {
  private TextFiles() {}

  /** The lines of a UTF-8 text file; a {@link DataFormatException} when its bytes are not UTF-8. */
  public static List<String> readLines(Path file) throws IOException {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw notUtf8(file);
    }
  }

  /** The error for a file that is not UTF-8 text, located at the line of its first byte that is not UTF-8. */
  public static DataFormatException notUtf8(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return new DataFormatException(file, 0, "not UTF-8 text");
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CoderResult r = decoder.decode(in, CharBuffer.allocate(bytes.length), true);
    if (!r.isError()) {
      return new DataFormatException(file, 0, "not UTF-8 text");
    }
    int line = 1;
    for (int i = 0; i < in.position(); i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return new DataFormatException(file, line, String.format(
        "not UTF-8 text (byte 0x%02X); save the file as UTF-8", bytes[in.position()] & 0xff));
  }
}
