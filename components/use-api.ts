"use client";
// One cached, validated query per endpoint and arguments: the answer's type follows from the endpoint.
import { useQuery } from "@tanstack/react-query";
import { type EndpointArgs, fetchEndpoint, type ReadName } from "@/lib/contracts/client";

/** The key and fetcher of an endpoint, for useQuery calls that add options (polling). */
export function apiQuery<K extends ReadName>(name: K, ...args: EndpointArgs<K>) {
  return { queryKey: [name, ...args], queryFn: () => fetchEndpoint(name, ...args) };
}

export function useApi<K extends ReadName>(name: K, ...args: EndpointArgs<K>) {
  return useQuery(apiQuery(name, ...args));
}
