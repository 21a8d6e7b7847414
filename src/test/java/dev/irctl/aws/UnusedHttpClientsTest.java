package dev.irctl.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * irctl calls AWS synchronously through the Apache client only: the async netty client stays out.
 */
class UnusedHttpClientsTest {
  @Test
  void theNettyAsyncClientIsNotOnTheClasspath() {
    assertThatThrownBy(
            () -> Class.forName("software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("io.netty.channel.Channel"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
