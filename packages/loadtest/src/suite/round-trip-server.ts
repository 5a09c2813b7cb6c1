#!/usr/bin/env node
import * as grpc from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';

// The far end of the bare round trip: a process serving only grpc.health.v1 Check
// on 127.0.0.1, so a call costs the transport and nothing else. Prints its port,
// then serves until killed.
const server = new grpc.Server();
new HealthImplementation({ '': 'SERVING' }).addToServer(server);
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    console.error(`round-trip server: ${error.message}`);
    process.exit(1);
  }
  console.log(`round-trip server ready at 127.0.0.1:${port}`);
});
