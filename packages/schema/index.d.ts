/** The gongzhi API's schema in SDL, for clients and code generators. */
export declare const typeDefs: string;
/** Absolute path of schema.graphql. */
export declare const schemaPath: string;
