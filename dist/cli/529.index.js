export const id = 529;
export const ids = [529];
export const modules = {

/***/ 5529:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;
const { awsEndpointFunctions, emitWarningIfUnsupportedVersion: emitWarningIfUnsupportedVersion$1, createDefaultUserAgentProvider, getDefaultSocketTimeout, NODE_APP_ID_CONFIG_OPTIONS, getAwsRegionExtensionConfiguration, resolveAwsRegionExtensionConfiguration, resolveUserAgentConfig, resolveHostHeaderConfig, getUserAgentPlugin, getHostHeaderPlugin, getLoggerPlugin, getRecursionDetectionPlugin } = __webpack_require__(5152);
const { getHttpAuthSchemeEndpointRuleSetPlugin, DefaultIdentityProviderConfig, getHttpSigningPlugin, createPaginator } = __webpack_require__(402);
const { normalizeProvider, getSmithyContext, ServiceException, NoOpLogger, emitWarningIfUnsupportedVersion, loadConfigsForDefaultMode, getDefaultExtensionConfiguration, resolveDefaultRuntimeConfig, Client, makeBuilder, createAggregatedClient } = __webpack_require__(2658);
const { Command: $Command } = __webpack_require__(2658);
__webpack_unused_export__ = $Command;
__webpack_unused_export__ = Client;
const { resolveDefaultsModeConfig, loadConfig, NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS, resolveRegionConfig } = __webpack_require__(7291);
const { BinaryDecisionDiagram, EndpointCache, decideEndpoint, customEndpointFunctions, resolveEndpointConfig, getEndpointPlugin } = __webpack_require__(2085);
const { parseUrl, getHttpHandlerExtensionConfiguration, resolveHttpHandlerRuntimeConfig, getContentLengthPlugin } = __webpack_require__(3422);
const { DEFAULT_RETRY_MODE, NODE_RETRY_MODE_CONFIG_OPTIONS, NODE_MAX_ATTEMPT_CONFIG_OPTIONS, resolveRetryConfig, getRetryPlugin } = __webpack_require__(3609);
const { TypeRegistry, getSchemaSerdePlugin } = __webpack_require__(6890);
const { resolveAwsSdkSigV4Config, AwsSdkSigV4Signer, NODE_AUTH_SCHEME_PREFERENCE_OPTIONS } = __webpack_require__(7523);
const { defaultProvider } = __webpack_require__(5861);
const { toUtf8, fromUtf8, toBase64, fromBase64, calculateBodyLength } = __webpack_require__(2430);
const { streamCollector, NodeHttpHandler } = __webpack_require__(1279);
const { AwsJson1_1Protocol } = __webpack_require__(7288);
const { Sha256 } = __webpack_require__(9542);

const defaultCodeCommitHttpAuthSchemeParametersProvider = async (config, context, input) => {
    return {
        operation: getSmithyContext(context).operation,
        region: await normalizeProvider(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "codecommit",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
}
const defaultCodeCommitHttpAuthSchemeProvider = (authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
    }
    return options;
};
const resolveHttpAuthSchemeConfig = (config) => {
    const config_0 = resolveAwsSdkSigV4Config(config);
    return Object.assign(config_0, {
        authSchemePreference: normalizeProvider(config.authSchemePreference ?? []),
    });
};

const resolveClientEndpointParameters = (options) => {
    return Object.assign(options, {
        useDualstackEndpoint: options.useDualstackEndpoint ?? false,
        useFipsEndpoint: options.useFipsEndpoint ?? false,
        defaultSigningName: "codecommit",
    });
};
const commonParams = {
    UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
    Endpoint: { type: "builtInParams", name: "endpoint" },
    Region: { type: "builtInParams", name: "region" },
    UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" },
};

var version = "3.1168.0";
var packageInfo = {
	version: version};

const k = "ref";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "getAttr", g = { [k]: "Endpoint" }, h = { [k]: d }, i = {}, j = [{ [k]: "Region" }];
const _data = {
    conditions: [
        [c, [g]],
        [c, j],
        ["aws.partition", j, d],
        [e, [{ [k]: "UseFIPS" }, b]],
        [e, [{ [k]: "UseDualStack" }, b]],
        [e, [{ fn: f, argv: [h, "supportsDualStack"] }, b]],
        [e, [{ fn: f, argv: [h, "supportsFIPS"] }, b]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [g, i],
        ["https://codecommit-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://codecommit-fips.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://codecommit.{Region}.{PartitionResult#dualStackDnsSuffix}", i],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://codecommit.{Region}.{PartitionResult#dnsSuffix}", i],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 12, 3,
    1, 4, r + 11,
    2, 5, r + 11,
    3, 8, 6,
    4, 7, r + 10,
    5, r + 8, r + 9,
    4, 10, 9,
    6, r + 6, r + 7,
    5, 11, r + 5,
    6, r + 4, r + 5,
    3, r + 1, 13,
    4, r + 2, r + 3,
]);
const bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

const cache = new EndpointCache({
    size: 50,
    params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"],
});
const defaultEndpointResolver = (endpointParams, context = {}) => {
    return cache.get(endpointParams, () => decideEndpoint(bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
};
customEndpointFunctions.aws = awsEndpointFunctions;

class CodeCommitServiceException extends ServiceException {
    static shapeId = "smithy.ts.sdk.synthetic.com.amazonaws.codecommit#CodeCommitServiceException";
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, CodeCommitServiceException.prototype);
    }
}

class ActorDoesNotExistException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ActorDoesNotExistException";
    name = "ActorDoesNotExistException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ActorDoesNotExistException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ActorDoesNotExistException.prototype);
    }
}
class ApprovalRuleContentRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ApprovalRuleContentRequiredException";
    name = "ApprovalRuleContentRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ApprovalRuleContentRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ApprovalRuleContentRequiredException.prototype);
    }
}
class ApprovalRuleDoesNotExistException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ApprovalRuleDoesNotExistException";
    name = "ApprovalRuleDoesNotExistException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ApprovalRuleDoesNotExistException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ApprovalRuleDoesNotExistException.prototype);
    }
}
class ApprovalRuleNameAlreadyExistsException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ApprovalRuleNameAlreadyExistsException";
    name = "ApprovalRuleNameAlreadyExistsException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ApprovalRuleNameAlreadyExistsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ApprovalRuleNameAlreadyExistsException.prototype);
    }
}
class ApprovalRuleNameRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ApprovalRuleNameRequiredException";
    name = "ApprovalRuleNameRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ApprovalRuleNameRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ApprovalRuleNameRequiredException.prototype);
    }
}
class ApprovalRuleTemplateContentRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ApprovalRuleTemplateContentRequiredException";
    name = "ApprovalRuleTemplateContentRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ApprovalRuleTemplateContentRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ApprovalRuleTemplateContentRequiredException.prototype);
    }
}
class ApprovalRuleTemplateDoesNotExistException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ApprovalRuleTemplateDoesNotExistException";
    name = "ApprovalRuleTemplateDoesNotExistException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ApprovalRuleTemplateDoesNotExistException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ApprovalRuleTemplateDoesNotExistException.prototype);
    }
}
class ApprovalRuleTemplateInUseException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ApprovalRuleTemplateInUseException";
    name = "ApprovalRuleTemplateInUseException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ApprovalRuleTemplateInUseException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ApprovalRuleTemplateInUseException.prototype);
    }
}
class ApprovalRuleTemplateNameAlreadyExistsException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ApprovalRuleTemplateNameAlreadyExistsException";
    name = "ApprovalRuleTemplateNameAlreadyExistsException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ApprovalRuleTemplateNameAlreadyExistsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ApprovalRuleTemplateNameAlreadyExistsException.prototype);
    }
}
class ApprovalRuleTemplateNameRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ApprovalRuleTemplateNameRequiredException";
    name = "ApprovalRuleTemplateNameRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ApprovalRuleTemplateNameRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ApprovalRuleTemplateNameRequiredException.prototype);
    }
}
class ApprovalStateRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ApprovalStateRequiredException";
    name = "ApprovalStateRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ApprovalStateRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ApprovalStateRequiredException.prototype);
    }
}
class EncryptionIntegrityChecksFailedException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#EncryptionIntegrityChecksFailedException";
    name = "EncryptionIntegrityChecksFailedException";
    $fault = "server";
    constructor(opts) {
        super({
            name: "EncryptionIntegrityChecksFailedException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, EncryptionIntegrityChecksFailedException.prototype);
    }
}
class EncryptionKeyAccessDeniedException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#EncryptionKeyAccessDeniedException";
    name = "EncryptionKeyAccessDeniedException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "EncryptionKeyAccessDeniedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, EncryptionKeyAccessDeniedException.prototype);
    }
}
class EncryptionKeyDisabledException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#EncryptionKeyDisabledException";
    name = "EncryptionKeyDisabledException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "EncryptionKeyDisabledException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, EncryptionKeyDisabledException.prototype);
    }
}
class EncryptionKeyNotFoundException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#EncryptionKeyNotFoundException";
    name = "EncryptionKeyNotFoundException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "EncryptionKeyNotFoundException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, EncryptionKeyNotFoundException.prototype);
    }
}
class EncryptionKeyUnavailableException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#EncryptionKeyUnavailableException";
    name = "EncryptionKeyUnavailableException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "EncryptionKeyUnavailableException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, EncryptionKeyUnavailableException.prototype);
    }
}
class InvalidApprovalRuleTemplateNameException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidApprovalRuleTemplateNameException";
    name = "InvalidApprovalRuleTemplateNameException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidApprovalRuleTemplateNameException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidApprovalRuleTemplateNameException.prototype);
    }
}
class InvalidRepositoryNameException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidRepositoryNameException";
    name = "InvalidRepositoryNameException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidRepositoryNameException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidRepositoryNameException.prototype);
    }
}
class MaximumRuleTemplatesAssociatedWithRepositoryException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#MaximumRuleTemplatesAssociatedWithRepositoryException";
    name = "MaximumRuleTemplatesAssociatedWithRepositoryException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "MaximumRuleTemplatesAssociatedWithRepositoryException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, MaximumRuleTemplatesAssociatedWithRepositoryException.prototype);
    }
}
class RepositoryDoesNotExistException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#RepositoryDoesNotExistException";
    name = "RepositoryDoesNotExistException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RepositoryDoesNotExistException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RepositoryDoesNotExistException.prototype);
    }
}
class RepositoryNameRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#RepositoryNameRequiredException";
    name = "RepositoryNameRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RepositoryNameRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RepositoryNameRequiredException.prototype);
    }
}
class AuthorDoesNotExistException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#AuthorDoesNotExistException";
    name = "AuthorDoesNotExistException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "AuthorDoesNotExistException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, AuthorDoesNotExistException.prototype);
    }
}
class MaximumRepositoryNamesExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#MaximumRepositoryNamesExceededException";
    name = "MaximumRepositoryNamesExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "MaximumRepositoryNamesExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, MaximumRepositoryNamesExceededException.prototype);
    }
}
class RepositoryNamesRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#RepositoryNamesRequiredException";
    name = "RepositoryNamesRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RepositoryNamesRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RepositoryNamesRequiredException.prototype);
    }
}
class CommitDoesNotExistException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#CommitDoesNotExistException";
    name = "CommitDoesNotExistException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "CommitDoesNotExistException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CommitDoesNotExistException.prototype);
    }
}
class CommitRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#CommitRequiredException";
    name = "CommitRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "CommitRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CommitRequiredException.prototype);
    }
}
class InvalidCommitException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidCommitException";
    name = "InvalidCommitException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidCommitException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidCommitException.prototype);
    }
}
class InvalidConflictDetailLevelException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidConflictDetailLevelException";
    name = "InvalidConflictDetailLevelException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidConflictDetailLevelException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidConflictDetailLevelException.prototype);
    }
}
class InvalidConflictResolutionStrategyException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidConflictResolutionStrategyException";
    name = "InvalidConflictResolutionStrategyException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidConflictResolutionStrategyException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidConflictResolutionStrategyException.prototype);
    }
}
class InvalidContinuationTokenException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidContinuationTokenException";
    name = "InvalidContinuationTokenException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidContinuationTokenException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidContinuationTokenException.prototype);
    }
}
class InvalidMaxConflictFilesException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidMaxConflictFilesException";
    name = "InvalidMaxConflictFilesException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidMaxConflictFilesException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidMaxConflictFilesException.prototype);
    }
}
class InvalidMaxMergeHunksException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidMaxMergeHunksException";
    name = "InvalidMaxMergeHunksException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidMaxMergeHunksException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidMaxMergeHunksException.prototype);
    }
}
class InvalidMergeOptionException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidMergeOptionException";
    name = "InvalidMergeOptionException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidMergeOptionException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidMergeOptionException.prototype);
    }
}
class MaximumFileContentToLoadExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#MaximumFileContentToLoadExceededException";
    name = "MaximumFileContentToLoadExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "MaximumFileContentToLoadExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, MaximumFileContentToLoadExceededException.prototype);
    }
}
class MaximumItemsToCompareExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#MaximumItemsToCompareExceededException";
    name = "MaximumItemsToCompareExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "MaximumItemsToCompareExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, MaximumItemsToCompareExceededException.prototype);
    }
}
class MergeOptionRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#MergeOptionRequiredException";
    name = "MergeOptionRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "MergeOptionRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, MergeOptionRequiredException.prototype);
    }
}
class TipsDivergenceExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#TipsDivergenceExceededException";
    name = "TipsDivergenceExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TipsDivergenceExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TipsDivergenceExceededException.prototype);
    }
}
class CommitIdsLimitExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#CommitIdsLimitExceededException";
    name = "CommitIdsLimitExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "CommitIdsLimitExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CommitIdsLimitExceededException.prototype);
    }
}
class CommitIdsListRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#CommitIdsListRequiredException";
    name = "CommitIdsListRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "CommitIdsListRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CommitIdsListRequiredException.prototype);
    }
}
class BeforeCommitIdAndAfterCommitIdAreSameException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#BeforeCommitIdAndAfterCommitIdAreSameException";
    name = "BeforeCommitIdAndAfterCommitIdAreSameException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "BeforeCommitIdAndAfterCommitIdAreSameException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, BeforeCommitIdAndAfterCommitIdAreSameException.prototype);
    }
}
class BlobIdDoesNotExistException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#BlobIdDoesNotExistException";
    name = "BlobIdDoesNotExistException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "BlobIdDoesNotExistException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, BlobIdDoesNotExistException.prototype);
    }
}
class BlobIdRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#BlobIdRequiredException";
    name = "BlobIdRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "BlobIdRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, BlobIdRequiredException.prototype);
    }
}
class BranchDoesNotExistException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#BranchDoesNotExistException";
    name = "BranchDoesNotExistException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "BranchDoesNotExistException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, BranchDoesNotExistException.prototype);
    }
}
class BranchNameExistsException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#BranchNameExistsException";
    name = "BranchNameExistsException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "BranchNameExistsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, BranchNameExistsException.prototype);
    }
}
class BranchNameIsTagNameException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#BranchNameIsTagNameException";
    name = "BranchNameIsTagNameException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "BranchNameIsTagNameException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, BranchNameIsTagNameException.prototype);
    }
}
class BranchNameRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#BranchNameRequiredException";
    name = "BranchNameRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "BranchNameRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, BranchNameRequiredException.prototype);
    }
}
class CannotDeleteApprovalRuleFromTemplateException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#CannotDeleteApprovalRuleFromTemplateException";
    name = "CannotDeleteApprovalRuleFromTemplateException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "CannotDeleteApprovalRuleFromTemplateException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CannotDeleteApprovalRuleFromTemplateException.prototype);
    }
}
class CannotModifyApprovalRuleFromTemplateException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#CannotModifyApprovalRuleFromTemplateException";
    name = "CannotModifyApprovalRuleFromTemplateException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "CannotModifyApprovalRuleFromTemplateException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CannotModifyApprovalRuleFromTemplateException.prototype);
    }
}
class ClientRequestTokenRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ClientRequestTokenRequiredException";
    name = "ClientRequestTokenRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ClientRequestTokenRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ClientRequestTokenRequiredException.prototype);
    }
}
class InvalidApprovalRuleTemplateContentException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidApprovalRuleTemplateContentException";
    name = "InvalidApprovalRuleTemplateContentException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidApprovalRuleTemplateContentException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidApprovalRuleTemplateContentException.prototype);
    }
}
class InvalidApprovalRuleTemplateDescriptionException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidApprovalRuleTemplateDescriptionException";
    name = "InvalidApprovalRuleTemplateDescriptionException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidApprovalRuleTemplateDescriptionException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidApprovalRuleTemplateDescriptionException.prototype);
    }
}
class NumberOfRuleTemplatesExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#NumberOfRuleTemplatesExceededException";
    name = "NumberOfRuleTemplatesExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "NumberOfRuleTemplatesExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NumberOfRuleTemplatesExceededException.prototype);
    }
}
class CommitIdRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#CommitIdRequiredException";
    name = "CommitIdRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "CommitIdRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CommitIdRequiredException.prototype);
    }
}
class InvalidBranchNameException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidBranchNameException";
    name = "InvalidBranchNameException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidBranchNameException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidBranchNameException.prototype);
    }
}
class InvalidCommitIdException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidCommitIdException";
    name = "InvalidCommitIdException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidCommitIdException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidCommitIdException.prototype);
    }
}
class CommitMessageLengthExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#CommitMessageLengthExceededException";
    name = "CommitMessageLengthExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "CommitMessageLengthExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CommitMessageLengthExceededException.prototype);
    }
}
class DirectoryNameConflictsWithFileNameException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#DirectoryNameConflictsWithFileNameException";
    name = "DirectoryNameConflictsWithFileNameException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "DirectoryNameConflictsWithFileNameException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, DirectoryNameConflictsWithFileNameException.prototype);
    }
}
class FileContentAndSourceFileSpecifiedException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#FileContentAndSourceFileSpecifiedException";
    name = "FileContentAndSourceFileSpecifiedException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "FileContentAndSourceFileSpecifiedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, FileContentAndSourceFileSpecifiedException.prototype);
    }
}
class FileContentSizeLimitExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#FileContentSizeLimitExceededException";
    name = "FileContentSizeLimitExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "FileContentSizeLimitExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, FileContentSizeLimitExceededException.prototype);
    }
}
class FileDoesNotExistException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#FileDoesNotExistException";
    name = "FileDoesNotExistException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "FileDoesNotExistException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, FileDoesNotExistException.prototype);
    }
}
class FileEntryRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#FileEntryRequiredException";
    name = "FileEntryRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "FileEntryRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, FileEntryRequiredException.prototype);
    }
}
class FileModeRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#FileModeRequiredException";
    name = "FileModeRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "FileModeRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, FileModeRequiredException.prototype);
    }
}
class FileNameConflictsWithDirectoryNameException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#FileNameConflictsWithDirectoryNameException";
    name = "FileNameConflictsWithDirectoryNameException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "FileNameConflictsWithDirectoryNameException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, FileNameConflictsWithDirectoryNameException.prototype);
    }
}
class FilePathConflictsWithSubmodulePathException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#FilePathConflictsWithSubmodulePathException";
    name = "FilePathConflictsWithSubmodulePathException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "FilePathConflictsWithSubmodulePathException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, FilePathConflictsWithSubmodulePathException.prototype);
    }
}
class FolderContentSizeLimitExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#FolderContentSizeLimitExceededException";
    name = "FolderContentSizeLimitExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "FolderContentSizeLimitExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, FolderContentSizeLimitExceededException.prototype);
    }
}
class InvalidDeletionParameterException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidDeletionParameterException";
    name = "InvalidDeletionParameterException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidDeletionParameterException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidDeletionParameterException.prototype);
    }
}
class InvalidEmailException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidEmailException";
    name = "InvalidEmailException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidEmailException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidEmailException.prototype);
    }
}
class InvalidFileModeException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidFileModeException";
    name = "InvalidFileModeException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidFileModeException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidFileModeException.prototype);
    }
}
class InvalidParentCommitIdException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidParentCommitIdException";
    name = "InvalidParentCommitIdException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidParentCommitIdException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidParentCommitIdException.prototype);
    }
}
class InvalidPathException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidPathException";
    name = "InvalidPathException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidPathException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidPathException.prototype);
    }
}
class MaximumFileEntriesExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#MaximumFileEntriesExceededException";
    name = "MaximumFileEntriesExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "MaximumFileEntriesExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, MaximumFileEntriesExceededException.prototype);
    }
}
class NameLengthExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#NameLengthExceededException";
    name = "NameLengthExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "NameLengthExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NameLengthExceededException.prototype);
    }
}
class NoChangeException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#NoChangeException";
    name = "NoChangeException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "NoChangeException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NoChangeException.prototype);
    }
}
class ParentCommitDoesNotExistException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ParentCommitDoesNotExistException";
    name = "ParentCommitDoesNotExistException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ParentCommitDoesNotExistException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ParentCommitDoesNotExistException.prototype);
    }
}
class ParentCommitIdOutdatedException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ParentCommitIdOutdatedException";
    name = "ParentCommitIdOutdatedException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ParentCommitIdOutdatedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ParentCommitIdOutdatedException.prototype);
    }
}
class ParentCommitIdRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ParentCommitIdRequiredException";
    name = "ParentCommitIdRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ParentCommitIdRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ParentCommitIdRequiredException.prototype);
    }
}
class PathRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#PathRequiredException";
    name = "PathRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "PathRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, PathRequiredException.prototype);
    }
}
class PutFileEntryConflictException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#PutFileEntryConflictException";
    name = "PutFileEntryConflictException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "PutFileEntryConflictException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, PutFileEntryConflictException.prototype);
    }
}
class RestrictedSourceFileException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#RestrictedSourceFileException";
    name = "RestrictedSourceFileException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RestrictedSourceFileException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RestrictedSourceFileException.prototype);
    }
}
class SamePathRequestException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#SamePathRequestException";
    name = "SamePathRequestException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "SamePathRequestException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, SamePathRequestException.prototype);
    }
}
class SourceFileOrContentRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#SourceFileOrContentRequiredException";
    name = "SourceFileOrContentRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "SourceFileOrContentRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, SourceFileOrContentRequiredException.prototype);
    }
}
class IdempotencyParameterMismatchException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#IdempotencyParameterMismatchException";
    name = "IdempotencyParameterMismatchException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "IdempotencyParameterMismatchException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, IdempotencyParameterMismatchException.prototype);
    }
}
class InvalidClientRequestTokenException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidClientRequestTokenException";
    name = "InvalidClientRequestTokenException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidClientRequestTokenException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidClientRequestTokenException.prototype);
    }
}
class InvalidDescriptionException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidDescriptionException";
    name = "InvalidDescriptionException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidDescriptionException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidDescriptionException.prototype);
    }
}
class InvalidReferenceNameException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidReferenceNameException";
    name = "InvalidReferenceNameException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidReferenceNameException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidReferenceNameException.prototype);
    }
}
class InvalidTargetException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidTargetException";
    name = "InvalidTargetException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidTargetException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidTargetException.prototype);
    }
}
class InvalidTargetsException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidTargetsException";
    name = "InvalidTargetsException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidTargetsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidTargetsException.prototype);
    }
}
class InvalidTitleException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidTitleException";
    name = "InvalidTitleException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidTitleException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidTitleException.prototype);
    }
}
class MaximumOpenPullRequestsExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#MaximumOpenPullRequestsExceededException";
    name = "MaximumOpenPullRequestsExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "MaximumOpenPullRequestsExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, MaximumOpenPullRequestsExceededException.prototype);
    }
}
class MultipleRepositoriesInPullRequestException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#MultipleRepositoriesInPullRequestException";
    name = "MultipleRepositoriesInPullRequestException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "MultipleRepositoriesInPullRequestException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, MultipleRepositoriesInPullRequestException.prototype);
    }
}
class ReferenceDoesNotExistException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ReferenceDoesNotExistException";
    name = "ReferenceDoesNotExistException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ReferenceDoesNotExistException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ReferenceDoesNotExistException.prototype);
    }
}
class ReferenceNameRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ReferenceNameRequiredException";
    name = "ReferenceNameRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ReferenceNameRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ReferenceNameRequiredException.prototype);
    }
}
class ReferenceTypeNotSupportedException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ReferenceTypeNotSupportedException";
    name = "ReferenceTypeNotSupportedException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ReferenceTypeNotSupportedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ReferenceTypeNotSupportedException.prototype);
    }
}
class SourceAndDestinationAreSameException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#SourceAndDestinationAreSameException";
    name = "SourceAndDestinationAreSameException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "SourceAndDestinationAreSameException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, SourceAndDestinationAreSameException.prototype);
    }
}
class TargetRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#TargetRequiredException";
    name = "TargetRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TargetRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TargetRequiredException.prototype);
    }
}
class TargetsRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#TargetsRequiredException";
    name = "TargetsRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TargetsRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TargetsRequiredException.prototype);
    }
}
class TitleRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#TitleRequiredException";
    name = "TitleRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TitleRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TitleRequiredException.prototype);
    }
}
class InvalidApprovalRuleContentException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidApprovalRuleContentException";
    name = "InvalidApprovalRuleContentException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidApprovalRuleContentException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidApprovalRuleContentException.prototype);
    }
}
class InvalidApprovalRuleNameException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidApprovalRuleNameException";
    name = "InvalidApprovalRuleNameException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidApprovalRuleNameException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidApprovalRuleNameException.prototype);
    }
}
class InvalidPullRequestIdException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidPullRequestIdException";
    name = "InvalidPullRequestIdException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidPullRequestIdException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidPullRequestIdException.prototype);
    }
}
class NumberOfRulesExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#NumberOfRulesExceededException";
    name = "NumberOfRulesExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "NumberOfRulesExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, NumberOfRulesExceededException.prototype);
    }
}
class PullRequestAlreadyClosedException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#PullRequestAlreadyClosedException";
    name = "PullRequestAlreadyClosedException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "PullRequestAlreadyClosedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, PullRequestAlreadyClosedException.prototype);
    }
}
class PullRequestDoesNotExistException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#PullRequestDoesNotExistException";
    name = "PullRequestDoesNotExistException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "PullRequestDoesNotExistException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, PullRequestDoesNotExistException.prototype);
    }
}
class PullRequestIdRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#PullRequestIdRequiredException";
    name = "PullRequestIdRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "PullRequestIdRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, PullRequestIdRequiredException.prototype);
    }
}
class EncryptionKeyInvalidIdException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#EncryptionKeyInvalidIdException";
    name = "EncryptionKeyInvalidIdException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "EncryptionKeyInvalidIdException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, EncryptionKeyInvalidIdException.prototype);
    }
}
class EncryptionKeyInvalidUsageException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#EncryptionKeyInvalidUsageException";
    name = "EncryptionKeyInvalidUsageException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "EncryptionKeyInvalidUsageException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, EncryptionKeyInvalidUsageException.prototype);
    }
}
class InvalidRepositoryDescriptionException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidRepositoryDescriptionException";
    name = "InvalidRepositoryDescriptionException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidRepositoryDescriptionException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidRepositoryDescriptionException.prototype);
    }
}
class InvalidSystemTagUsageException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidSystemTagUsageException";
    name = "InvalidSystemTagUsageException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidSystemTagUsageException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidSystemTagUsageException.prototype);
    }
}
class InvalidTagsMapException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidTagsMapException";
    name = "InvalidTagsMapException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidTagsMapException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidTagsMapException.prototype);
    }
}
class OperationNotAllowedException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#OperationNotAllowedException";
    name = "OperationNotAllowedException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "OperationNotAllowedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, OperationNotAllowedException.prototype);
    }
}
class RepositoryLimitExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#RepositoryLimitExceededException";
    name = "RepositoryLimitExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RepositoryLimitExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RepositoryLimitExceededException.prototype);
    }
}
class RepositoryNameExistsException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#RepositoryNameExistsException";
    name = "RepositoryNameExistsException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RepositoryNameExistsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RepositoryNameExistsException.prototype);
    }
}
class TagPolicyException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#TagPolicyException";
    name = "TagPolicyException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TagPolicyException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TagPolicyException.prototype);
    }
}
class TooManyTagsException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#TooManyTagsException";
    name = "TooManyTagsException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TooManyTagsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TooManyTagsException.prototype);
    }
}
class ConcurrentReferenceUpdateException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ConcurrentReferenceUpdateException";
    name = "ConcurrentReferenceUpdateException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ConcurrentReferenceUpdateException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ConcurrentReferenceUpdateException.prototype);
    }
}
class InvalidConflictResolutionException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidConflictResolutionException";
    name = "InvalidConflictResolutionException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidConflictResolutionException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidConflictResolutionException.prototype);
    }
}
class InvalidReplacementContentException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidReplacementContentException";
    name = "InvalidReplacementContentException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidReplacementContentException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidReplacementContentException.prototype);
    }
}
class InvalidReplacementTypeException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidReplacementTypeException";
    name = "InvalidReplacementTypeException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidReplacementTypeException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidReplacementTypeException.prototype);
    }
}
class ManualMergeRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ManualMergeRequiredException";
    name = "ManualMergeRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ManualMergeRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ManualMergeRequiredException.prototype);
    }
}
class MaximumConflictResolutionEntriesExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#MaximumConflictResolutionEntriesExceededException";
    name = "MaximumConflictResolutionEntriesExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "MaximumConflictResolutionEntriesExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, MaximumConflictResolutionEntriesExceededException.prototype);
    }
}
class MultipleConflictResolutionEntriesException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#MultipleConflictResolutionEntriesException";
    name = "MultipleConflictResolutionEntriesException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "MultipleConflictResolutionEntriesException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, MultipleConflictResolutionEntriesException.prototype);
    }
}
class ReplacementContentRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ReplacementContentRequiredException";
    name = "ReplacementContentRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ReplacementContentRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ReplacementContentRequiredException.prototype);
    }
}
class ReplacementTypeRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ReplacementTypeRequiredException";
    name = "ReplacementTypeRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ReplacementTypeRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ReplacementTypeRequiredException.prototype);
    }
}
class DefaultBranchCannotBeDeletedException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#DefaultBranchCannotBeDeletedException";
    name = "DefaultBranchCannotBeDeletedException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "DefaultBranchCannotBeDeletedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, DefaultBranchCannotBeDeletedException.prototype);
    }
}
class CommentDeletedException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#CommentDeletedException";
    name = "CommentDeletedException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "CommentDeletedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CommentDeletedException.prototype);
    }
}
class CommentDoesNotExistException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#CommentDoesNotExistException";
    name = "CommentDoesNotExistException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "CommentDoesNotExistException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CommentDoesNotExistException.prototype);
    }
}
class CommentIdRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#CommentIdRequiredException";
    name = "CommentIdRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "CommentIdRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CommentIdRequiredException.prototype);
    }
}
class InvalidCommentIdException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidCommentIdException";
    name = "InvalidCommentIdException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidCommentIdException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidCommentIdException.prototype);
    }
}
class InvalidActorArnException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidActorArnException";
    name = "InvalidActorArnException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidActorArnException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidActorArnException.prototype);
    }
}
class InvalidMaxResultsException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidMaxResultsException";
    name = "InvalidMaxResultsException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidMaxResultsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidMaxResultsException.prototype);
    }
}
class InvalidPullRequestEventTypeException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidPullRequestEventTypeException";
    name = "InvalidPullRequestEventTypeException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidPullRequestEventTypeException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidPullRequestEventTypeException.prototype);
    }
}
class InvalidRevisionIdException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidRevisionIdException";
    name = "InvalidRevisionIdException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidRevisionIdException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidRevisionIdException.prototype);
    }
}
class RevisionIdRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#RevisionIdRequiredException";
    name = "RevisionIdRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RevisionIdRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RevisionIdRequiredException.prototype);
    }
}
class RevisionNotCurrentException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#RevisionNotCurrentException";
    name = "RevisionNotCurrentException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RevisionNotCurrentException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RevisionNotCurrentException.prototype);
    }
}
class FileTooLargeException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#FileTooLargeException";
    name = "FileTooLargeException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "FileTooLargeException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, FileTooLargeException.prototype);
    }
}
class InvalidBlobIdException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidBlobIdException";
    name = "InvalidBlobIdException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidBlobIdException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidBlobIdException.prototype);
    }
}
class ValidationException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ValidationException";
    name = "ValidationException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ValidationException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ValidationException.prototype);
    }
}
class InvalidReactionUserArnException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidReactionUserArnException";
    name = "InvalidReactionUserArnException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidReactionUserArnException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidReactionUserArnException.prototype);
    }
}
class RepositoryNotAssociatedWithPullRequestException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#RepositoryNotAssociatedWithPullRequestException";
    name = "RepositoryNotAssociatedWithPullRequestException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RepositoryNotAssociatedWithPullRequestException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RepositoryNotAssociatedWithPullRequestException.prototype);
    }
}
class CommitIdDoesNotExistException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#CommitIdDoesNotExistException";
    name = "CommitIdDoesNotExistException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "CommitIdDoesNotExistException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CommitIdDoesNotExistException.prototype);
    }
}
class PathDoesNotExistException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#PathDoesNotExistException";
    name = "PathDoesNotExistException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "PathDoesNotExistException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, PathDoesNotExistException.prototype);
    }
}
class FolderDoesNotExistException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#FolderDoesNotExistException";
    name = "FolderDoesNotExistException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "FolderDoesNotExistException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, FolderDoesNotExistException.prototype);
    }
}
class InvalidDestinationCommitSpecifierException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidDestinationCommitSpecifierException";
    name = "InvalidDestinationCommitSpecifierException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidDestinationCommitSpecifierException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidDestinationCommitSpecifierException.prototype);
    }
}
class InvalidSourceCommitSpecifierException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidSourceCommitSpecifierException";
    name = "InvalidSourceCommitSpecifierException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidSourceCommitSpecifierException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidSourceCommitSpecifierException.prototype);
    }
}
class InvalidAuthorArnException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidAuthorArnException";
    name = "InvalidAuthorArnException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidAuthorArnException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidAuthorArnException.prototype);
    }
}
class InvalidPullRequestStatusException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidPullRequestStatusException";
    name = "InvalidPullRequestStatusException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidPullRequestStatusException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidPullRequestStatusException.prototype);
    }
}
class InvalidOrderException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidOrderException";
    name = "InvalidOrderException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidOrderException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidOrderException.prototype);
    }
}
class InvalidSortByException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidSortByException";
    name = "InvalidSortByException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidSortByException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidSortByException.prototype);
    }
}
class InvalidResourceArnException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidResourceArnException";
    name = "InvalidResourceArnException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidResourceArnException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidResourceArnException.prototype);
    }
}
class ResourceArnRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ResourceArnRequiredException";
    name = "ResourceArnRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ResourceArnRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ResourceArnRequiredException.prototype);
    }
}
class InvalidTargetBranchException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidTargetBranchException";
    name = "InvalidTargetBranchException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidTargetBranchException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidTargetBranchException.prototype);
    }
}
class PullRequestApprovalRulesNotSatisfiedException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#PullRequestApprovalRulesNotSatisfiedException";
    name = "PullRequestApprovalRulesNotSatisfiedException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "PullRequestApprovalRulesNotSatisfiedException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, PullRequestApprovalRulesNotSatisfiedException.prototype);
    }
}
class TipOfSourceReferenceIsDifferentException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#TipOfSourceReferenceIsDifferentException";
    name = "TipOfSourceReferenceIsDifferentException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TipOfSourceReferenceIsDifferentException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TipOfSourceReferenceIsDifferentException.prototype);
    }
}
class InvalidOverrideStatusException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidOverrideStatusException";
    name = "InvalidOverrideStatusException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidOverrideStatusException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidOverrideStatusException.prototype);
    }
}
class OverrideAlreadySetException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#OverrideAlreadySetException";
    name = "OverrideAlreadySetException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "OverrideAlreadySetException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, OverrideAlreadySetException.prototype);
    }
}
class OverrideStatusRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#OverrideStatusRequiredException";
    name = "OverrideStatusRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "OverrideStatusRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, OverrideStatusRequiredException.prototype);
    }
}
class CommentContentRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#CommentContentRequiredException";
    name = "CommentContentRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "CommentContentRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CommentContentRequiredException.prototype);
    }
}
class CommentContentSizeLimitExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#CommentContentSizeLimitExceededException";
    name = "CommentContentSizeLimitExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "CommentContentSizeLimitExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CommentContentSizeLimitExceededException.prototype);
    }
}
class InvalidFileLocationException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidFileLocationException";
    name = "InvalidFileLocationException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidFileLocationException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidFileLocationException.prototype);
    }
}
class InvalidFilePositionException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidFilePositionException";
    name = "InvalidFilePositionException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidFilePositionException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidFilePositionException.prototype);
    }
}
class InvalidRelativeFileVersionEnumException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidRelativeFileVersionEnumException";
    name = "InvalidRelativeFileVersionEnumException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidRelativeFileVersionEnumException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidRelativeFileVersionEnumException.prototype);
    }
}
class InvalidReactionValueException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidReactionValueException";
    name = "InvalidReactionValueException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidReactionValueException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidReactionValueException.prototype);
    }
}
class ReactionLimitExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ReactionLimitExceededException";
    name = "ReactionLimitExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ReactionLimitExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ReactionLimitExceededException.prototype);
    }
}
class ReactionValueRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#ReactionValueRequiredException";
    name = "ReactionValueRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "ReactionValueRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ReactionValueRequiredException.prototype);
    }
}
class FileContentRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#FileContentRequiredException";
    name = "FileContentRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "FileContentRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, FileContentRequiredException.prototype);
    }
}
class SameFileContentException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#SameFileContentException";
    name = "SameFileContentException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "SameFileContentException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, SameFileContentException.prototype);
    }
}
class InvalidRepositoryTriggerBranchNameException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidRepositoryTriggerBranchNameException";
    name = "InvalidRepositoryTriggerBranchNameException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidRepositoryTriggerBranchNameException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidRepositoryTriggerBranchNameException.prototype);
    }
}
class InvalidRepositoryTriggerCustomDataException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidRepositoryTriggerCustomDataException";
    name = "InvalidRepositoryTriggerCustomDataException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidRepositoryTriggerCustomDataException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidRepositoryTriggerCustomDataException.prototype);
    }
}
class InvalidRepositoryTriggerDestinationArnException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidRepositoryTriggerDestinationArnException";
    name = "InvalidRepositoryTriggerDestinationArnException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidRepositoryTriggerDestinationArnException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidRepositoryTriggerDestinationArnException.prototype);
    }
}
class InvalidRepositoryTriggerEventsException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidRepositoryTriggerEventsException";
    name = "InvalidRepositoryTriggerEventsException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidRepositoryTriggerEventsException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidRepositoryTriggerEventsException.prototype);
    }
}
class InvalidRepositoryTriggerNameException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidRepositoryTriggerNameException";
    name = "InvalidRepositoryTriggerNameException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidRepositoryTriggerNameException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidRepositoryTriggerNameException.prototype);
    }
}
class InvalidRepositoryTriggerRegionException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidRepositoryTriggerRegionException";
    name = "InvalidRepositoryTriggerRegionException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidRepositoryTriggerRegionException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidRepositoryTriggerRegionException.prototype);
    }
}
class MaximumBranchesExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#MaximumBranchesExceededException";
    name = "MaximumBranchesExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "MaximumBranchesExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, MaximumBranchesExceededException.prototype);
    }
}
class MaximumRepositoryTriggersExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#MaximumRepositoryTriggersExceededException";
    name = "MaximumRepositoryTriggersExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "MaximumRepositoryTriggersExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, MaximumRepositoryTriggersExceededException.prototype);
    }
}
class RepositoryTriggerBranchNameListRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#RepositoryTriggerBranchNameListRequiredException";
    name = "RepositoryTriggerBranchNameListRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RepositoryTriggerBranchNameListRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RepositoryTriggerBranchNameListRequiredException.prototype);
    }
}
class RepositoryTriggerDestinationArnRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#RepositoryTriggerDestinationArnRequiredException";
    name = "RepositoryTriggerDestinationArnRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RepositoryTriggerDestinationArnRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RepositoryTriggerDestinationArnRequiredException.prototype);
    }
}
class RepositoryTriggerEventsListRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#RepositoryTriggerEventsListRequiredException";
    name = "RepositoryTriggerEventsListRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RepositoryTriggerEventsListRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RepositoryTriggerEventsListRequiredException.prototype);
    }
}
class RepositoryTriggerNameRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#RepositoryTriggerNameRequiredException";
    name = "RepositoryTriggerNameRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RepositoryTriggerNameRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RepositoryTriggerNameRequiredException.prototype);
    }
}
class RepositoryTriggersListRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#RepositoryTriggersListRequiredException";
    name = "RepositoryTriggersListRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "RepositoryTriggersListRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, RepositoryTriggersListRequiredException.prototype);
    }
}
class TagsMapRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#TagsMapRequiredException";
    name = "TagsMapRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TagsMapRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TagsMapRequiredException.prototype);
    }
}
class InvalidTagKeysListException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidTagKeysListException";
    name = "InvalidTagKeysListException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidTagKeysListException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidTagKeysListException.prototype);
    }
}
class TagKeysListRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#TagKeysListRequiredException";
    name = "TagKeysListRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "TagKeysListRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, TagKeysListRequiredException.prototype);
    }
}
class InvalidRuleContentSha256Exception extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidRuleContentSha256Exception";
    name = "InvalidRuleContentSha256Exception";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidRuleContentSha256Exception",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidRuleContentSha256Exception.prototype);
    }
}
class CommentNotCreatedByCallerException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#CommentNotCreatedByCallerException";
    name = "CommentNotCreatedByCallerException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "CommentNotCreatedByCallerException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, CommentNotCreatedByCallerException.prototype);
    }
}
class InvalidApprovalStateException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidApprovalStateException";
    name = "InvalidApprovalStateException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidApprovalStateException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidApprovalStateException.prototype);
    }
}
class MaximumNumberOfApprovalsExceededException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#MaximumNumberOfApprovalsExceededException";
    name = "MaximumNumberOfApprovalsExceededException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "MaximumNumberOfApprovalsExceededException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, MaximumNumberOfApprovalsExceededException.prototype);
    }
}
class PullRequestCannotBeApprovedByAuthorException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#PullRequestCannotBeApprovedByAuthorException";
    name = "PullRequestCannotBeApprovedByAuthorException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "PullRequestCannotBeApprovedByAuthorException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, PullRequestCannotBeApprovedByAuthorException.prototype);
    }
}
class InvalidPullRequestStatusUpdateException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#InvalidPullRequestStatusUpdateException";
    name = "InvalidPullRequestStatusUpdateException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "InvalidPullRequestStatusUpdateException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, InvalidPullRequestStatusUpdateException.prototype);
    }
}
class PullRequestStatusRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#PullRequestStatusRequiredException";
    name = "PullRequestStatusRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "PullRequestStatusRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, PullRequestStatusRequiredException.prototype);
    }
}
class EncryptionKeyRequiredException extends CodeCommitServiceException {
    static shapeId = "com.amazonaws.codecommit#EncryptionKeyRequiredException";
    name = "EncryptionKeyRequiredException";
    $fault = "client";
    constructor(opts) {
        super({
            name: "EncryptionKeyRequiredException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, EncryptionKeyRequiredException.prototype);
    }
}

const _A = "Approval";
const _AARTWR = "AssociateApprovalRuleTemplateWithRepository";
const _AARTWRI = "AssociateApprovalRuleTemplateWithRepositoryInput";
const _ADNEE = "ActorDoesNotExistException";
const _ADNEEu = "AuthorDoesNotExistException";
const _AL = "ApprovalList";
const _AR = "ApprovalRule";
const _ARCRE = "ApprovalRuleContentRequiredException";
const _ARDNEE = "ApprovalRuleDoesNotExistException";
const _AREM = "ApprovalRuleEventMetadata";
const _ARL = "ApprovalRulesList";
const _ARNAEE = "ApprovalRuleNameAlreadyExistsException";
const _ARNRE = "ApprovalRuleNameRequiredException";
const _AROEM = "ApprovalRuleOverriddenEventMetadata";
const _ART = "ApprovalRuleTemplate";
const _ARTCRE = "ApprovalRuleTemplateContentRequiredException";
const _ARTDNEE = "ApprovalRuleTemplateDoesNotExistException";
const _ARTIUE = "ApprovalRuleTemplateInUseException";
const _ARTNAEE = "ApprovalRuleTemplateNameAlreadyExistsException";
const _ARTNRE = "ApprovalRuleTemplateNameRequiredException";
const _ASCEM = "ApprovalStateChangedEventMetadata";
const _ASRE = "ApprovalStateRequiredException";
const _Ar = "Arn";
const _BAARTWR = "BatchAssociateApprovalRuleTemplateWithRepositories";
const _BAARTWRE = "BatchAssociateApprovalRuleTemplateWithRepositoriesError";
const _BAARTWREL = "BatchAssociateApprovalRuleTemplateWithRepositoriesErrorsList";
const _BAARTWRI = "BatchAssociateApprovalRuleTemplateWithRepositoriesInput";
const _BAARTWRO = "BatchAssociateApprovalRuleTemplateWithRepositoriesOutput";
const _BCIAACIASE = "BeforeCommitIdAndAfterCommitIdAreSameException";
const _BDARTFR = "BatchDisassociateApprovalRuleTemplateFromRepositories";
const _BDARTFRE = "BatchDisassociateApprovalRuleTemplateFromRepositoriesError";
const _BDARTFREL = "BatchDisassociateApprovalRuleTemplateFromRepositoriesErrorsList";
const _BDARTFRI = "BatchDisassociateApprovalRuleTemplateFromRepositoriesInput";
const _BDARTFRO = "BatchDisassociateApprovalRuleTemplateFromRepositoriesOutput";
const _BDMC = "BatchDescribeMergeConflicts";
const _BDMCE = "BatchDescribeMergeConflictsError";
const _BDMCEa = "BatchDescribeMergeConflictsErrors";
const _BDMCI = "BatchDescribeMergeConflictsInput";
const _BDMCO = "BatchDescribeMergeConflictsOutput";
const _BDNEE = "BranchDoesNotExistException";
const _BGC = "BatchGetCommits";
const _BGCE = "BatchGetCommitsError";
const _BGCEL = "BatchGetCommitsErrorsList";
const _BGCI = "BatchGetCommitsInput";
const _BGCO = "BatchGetCommitsOutput";
const _BGR = "BatchGetRepositories";
const _BGRE = "BatchGetRepositoriesError";
const _BGREL = "BatchGetRepositoriesErrorsList";
const _BGRI = "BatchGetRepositoriesInput";
const _BGRO = "BatchGetRepositoriesOutput";
const _BI = "BranchInfo";
const _BIDNEE = "BlobIdDoesNotExistException";
const _BIRE = "BlobIdRequiredException";
const _BM = "BlobMetadata";
const _BNEE = "BranchNameExistsException";
const _BNITNE = "BranchNameIsTagNameException";
const _BNRE = "BranchNameRequiredException";
const _C = "Comment";
const _CART = "CreateApprovalRuleTemplate";
const _CARTI = "CreateApprovalRuleTemplateInput";
const _CARTO = "CreateApprovalRuleTemplateOutput";
const _CB = "CreateBranch";
const _CBI = "CreateBranchInput";
const _CC = "CreateCommit";
const _CCI = "CreateCommitInput";
const _CCO = "CreateCommitOutput";
const _CCRE = "CommentContentRequiredException";
const _CCSLEE = "CommentContentSizeLimitExceededException";
const _CDARFTE = "CannotDeleteApprovalRuleFromTemplateException";
const _CDE = "CommentDeletedException";
const _CDNEE = "CommentDoesNotExistException";
const _CDNEEo = "CommitDoesNotExistException";
const _CFCC = "CommentsForComparedCommit";
const _CFCCD = "CommentsForComparedCommitData";
const _CFPR = "CommentsForPullRequest";
const _CFPRD = "CommentsForPullRequestData";
const _CIDNEE = "CommitIdDoesNotExistException";
const _CILEE = "CommitIdsLimitExceededException";
const _CILRE = "CommitIdsListRequiredException";
const _CIRE = "CommentIdRequiredException";
const _CIREo = "CommitIdRequiredException";
const _CM = "ConflictMetadata";
const _CMARFTE = "CannotModifyApprovalRuleFromTemplateException";
const _CML = "ConflictMetadataList";
const _CMLEE = "CommitMessageLengthExceededException";
const _CNCBCE = "CommentNotCreatedByCallerException";
const _COL = "CommitObjectsList";
const _CPR = "CreatePullRequest";
const _CPRAR = "CreatePullRequestApprovalRule";
const _CPRARI = "CreatePullRequestApprovalRuleInput";
const _CPRARO = "CreatePullRequestApprovalRuleOutput";
const _CPRI = "CreatePullRequestInput";
const _CPRO = "CreatePullRequestOutput";
const _CR = "ConflictResolution";
const _CRE = "CommitRequiredException";
const _CRI = "CreateRepositoryInput";
const _CRO = "CreateRepositoryOutput";
const _CRTRE = "ClientRequestTokenRequiredException";
const _CRUE = "ConcurrentReferenceUpdateException";
const _CRr = "CreateRepository";
const _CUMC = "CreateUnreferencedMergeCommit";
const _CUMCI = "CreateUnreferencedMergeCommitInput";
const _CUMCO = "CreateUnreferencedMergeCommitOutput";
const _Co = "Commit";
const _Com = "Comments";
const _Con = "Conflict";
const _Conf = "Conflicts";
const _D = "Difference";
const _DART = "DeleteApprovalRuleTemplate";
const _DARTFR = "DisassociateApprovalRuleTemplateFromRepository";
const _DARTFRI = "DisassociateApprovalRuleTemplateFromRepositoryInput";
const _DARTI = "DeleteApprovalRuleTemplateInput";
const _DARTO = "DeleteApprovalRuleTemplateOutput";
const _DB = "DeleteBranch";
const _DBCBDE = "DefaultBranchCannotBeDeletedException";
const _DBI = "DeleteBranchInput";
const _DBO = "DeleteBranchOutput";
const _DC = "DiffChange";
const _DCC = "DeleteCommentContent";
const _DCCI = "DeleteCommentContentInput";
const _DCCO = "DeleteCommentContentOutput";
const _DCL = "DiffChangeList";
const _DF = "DeleteFile";
const _DFE = "DeleteFileEntry";
const _DFEe = "DeleteFileEntries";
const _DFI = "DeleteFileInput";
const _DFO = "DeleteFileOutput";
const _DH = "DiffHunk";
const _DHL = "DiffHunkList";
const _DL = "DifferenceList";
const _DMC = "DescribeMergeConflicts";
const _DMCI = "DescribeMergeConflictsInput";
const _DMCO = "DescribeMergeConflictsOutput";
const _DNCWFNE = "DirectoryNameConflictsWithFileNameException";
const _DPRAR = "DeletePullRequestApprovalRule";
const _DPRARI = "DeletePullRequestApprovalRuleInput";
const _DPRARO = "DeletePullRequestApprovalRuleOutput";
const _DPRE = "DescribePullRequestEvents";
const _DPREI = "DescribePullRequestEventsInput";
const _DPREO = "DescribePullRequestEventsOutput";
const _DR = "DeleteRepository";
const _DRI = "DeleteRepositoryInput";
const _DRO = "DeleteRepositoryOutput";
const _E = "Evaluation";
const _EICFE = "EncryptionIntegrityChecksFailedException";
const _EKADE = "EncryptionKeyAccessDeniedException";
const _EKDE = "EncryptionKeyDisabledException";
const _EKIIE = "EncryptionKeyInvalidIdException";
const _EKIUE = "EncryptionKeyInvalidUsageException";
const _EKNFE = "EncryptionKeyNotFoundException";
const _EKRE = "EncryptionKeyRequiredException";
const _EKUE = "EncryptionKeyUnavailableException";
const _EPRAR = "EvaluatePullRequestApprovalRules";
const _EPRARI = "EvaluatePullRequestApprovalRulesInput";
const _EPRARO = "EvaluatePullRequestApprovalRulesOutput";
const _F = "File";
const _FCASFSE = "FileContentAndSourceFileSpecifiedException";
const _FCRE = "FileContentRequiredException";
const _FCSLEE = "FileContentSizeLimitExceededException";
const _FCSLEEo = "FolderContentSizeLimitExceededException";
const _FDNEE = "FileDoesNotExistException";
const _FDNEEo = "FolderDoesNotExistException";
const _FERE = "FileEntryRequiredException";
const _FL = "FileList";
const _FLo = "FolderList";
const _FM = "FileMetadata";
const _FMRE = "FileModeRequiredException";
const _FMi = "FileModes";
const _FMil = "FilesMetadata";
const _FNCWDNE = "FileNameConflictsWithDirectoryNameException";
const _FPCWSPE = "FilePathConflictsWithSubmodulePathException";
const _FS = "FileSizes";
const _FTLE = "FileTooLargeException";
const _FV = "FileVersion";
const _Fo = "Folder";
const _GART = "GetApprovalRuleTemplate";
const _GARTI = "GetApprovalRuleTemplateInput";
const _GARTO = "GetApprovalRuleTemplateOutput";
const _GB = "GetBlob";
const _GBD = "GetBlobDifferences";
const _GBDI = "GetBlobDifferencesInput";
const _GBDO = "GetBlobDifferencesOutput";
const _GBI = "GetBlobInput";
const _GBIe = "GetBranchInput";
const _GBO = "GetBlobOutput";
const _GBOe = "GetBranchOutput";
const _GBe = "GetBranch";
const _GC = "GetComment";
const _GCFCC = "GetCommentsForComparedCommit";
const _GCFCCI = "GetCommentsForComparedCommitInput";
const _GCFCCO = "GetCommentsForComparedCommitOutput";
const _GCFPR = "GetCommentsForPullRequest";
const _GCFPRI = "GetCommentsForPullRequestInput";
const _GCFPRO = "GetCommentsForPullRequestOutput";
const _GCI = "GetCommentInput";
const _GCIe = "GetCommitInput";
const _GCO = "GetCommentOutput";
const _GCOe = "GetCommitOutput";
const _GCR = "GetCommentReactions";
const _GCRI = "GetCommentReactionsInput";
const _GCRO = "GetCommentReactionsOutput";
const _GCe = "GetCommit";
const _GD = "GetDifferences";
const _GDI = "GetDifferencesInput";
const _GDO = "GetDifferencesOutput";
const _GF = "GetFile";
const _GFI = "GetFileInput";
const _GFIe = "GetFolderInput";
const _GFO = "GetFileOutput";
const _GFOe = "GetFolderOutput";
const _GFe = "GetFolder";
const _GMC = "GetMergeCommit";
const _GMCI = "GetMergeCommitInput";
const _GMCIe = "GetMergeConflictsInput";
const _GMCO = "GetMergeCommitOutput";
const _GMCOe = "GetMergeConflictsOutput";
const _GMCe = "GetMergeConflicts";
const _GMO = "GetMergeOptions";
const _GMOI = "GetMergeOptionsInput";
const _GMOO = "GetMergeOptionsOutput";
const _GPR = "GetPullRequest";
const _GPRAS = "GetPullRequestApprovalStates";
const _GPRASI = "GetPullRequestApprovalStatesInput";
const _GPRASO = "GetPullRequestApprovalStatesOutput";
const _GPRI = "GetPullRequestInput";
const _GPRO = "GetPullRequestOutput";
const _GPROS = "GetPullRequestOverrideState";
const _GPROSI = "GetPullRequestOverrideStateInput";
const _GPROSO = "GetPullRequestOverrideStateOutput";
const _GR = "GetRepository";
const _GRI = "GetRepositoryInput";
const _GRO = "GetRepositoryOutput";
const _GRT = "GetRepositoryTriggers";
const _GRTI = "GetRepositoryTriggersInput";
const _GRTO = "GetRepositoryTriggersOutput";
const _IAAE = "InvalidActorArnException";
const _IAAEn = "InvalidAuthorArnException";
const _IARCE = "InvalidApprovalRuleContentException";
const _IARNE = "InvalidApprovalRuleNameException";
const _IARTCE = "InvalidApprovalRuleTemplateContentException";
const _IARTDE = "InvalidApprovalRuleTemplateDescriptionException";
const _IARTNE = "InvalidApprovalRuleTemplateNameException";
const _IASE = "InvalidApprovalStateException";
const _IBF = "IsBinaryFile";
const _IBIE = "InvalidBlobIdException";
const _IBNE = "InvalidBranchNameException";
const _ICDLE = "InvalidConflictDetailLevelException";
const _ICE = "InvalidCommitException";
const _ICIE = "InvalidCommentIdException";
const _ICIEn = "InvalidCommitIdException";
const _ICRE = "InvalidConflictResolutionException";
const _ICRSE = "InvalidConflictResolutionStrategyException";
const _ICRTE = "InvalidClientRequestTokenException";
const _ICTE = "InvalidContinuationTokenException";
const _IDCSE = "InvalidDestinationCommitSpecifierException";
const _IDE = "InvalidDescriptionException";
const _IDPE = "InvalidDeletionParameterException";
const _IEE = "InvalidEmailException";
const _IFLE = "InvalidFileLocationException";
const _IFME = "InvalidFileModeException";
const _IFPE = "InvalidFilePositionException";
const _IMCFE = "InvalidMaxConflictFilesException";
const _IMMHE = "InvalidMaxMergeHunksException";
const _IMOE = "InvalidMergeOptionException";
const _IMRE = "InvalidMaxResultsException";
const _IOE = "InvalidOrderException";
const _IOSE = "InvalidOverrideStatusException";
const _IPCIE = "InvalidParentCommitIdException";
const _IPE = "InvalidPathException";
const _IPME = "IdempotencyParameterMismatchException";
const _IPRETE = "InvalidPullRequestEventTypeException";
const _IPRIE = "InvalidPullRequestIdException";
const _IPRSE = "InvalidPullRequestStatusException";
const _IPRSUE = "InvalidPullRequestStatusUpdateException";
const _IRAE = "InvalidResourceArnException";
const _IRCE = "InvalidReplacementContentException";
const _IRCSE = "InvalidRuleContentSha256Exception";
const _IRDE = "InvalidRepositoryDescriptionException";
const _IRFVEE = "InvalidRelativeFileVersionEnumException";
const _IRIE = "InvalidRevisionIdException";
const _IRNE = "InvalidReferenceNameException";
const _IRNEn = "InvalidRepositoryNameException";
const _IRTBNE = "InvalidRepositoryTriggerBranchNameException";
const _IRTCDE = "InvalidRepositoryTriggerCustomDataException";
const _IRTDAE = "InvalidRepositoryTriggerDestinationArnException";
const _IRTE = "InvalidReplacementTypeException";
const _IRTEE = "InvalidRepositoryTriggerEventsException";
const _IRTNE = "InvalidRepositoryTriggerNameException";
const _IRTRE = "InvalidRepositoryTriggerRegionException";
const _IRUAE = "InvalidReactionUserArnException";
const _IRVE = "InvalidReactionValueException";
const _ISBE = "InvalidSortByException";
const _ISCSE = "InvalidSourceCommitSpecifierException";
const _ISTUE = "InvalidSystemTagUsageException";
const _ITBE = "InvalidTargetBranchException";
const _ITE = "InvalidTargetException";
const _ITEn = "InvalidTargetsException";
const _ITEnv = "InvalidTitleException";
const _ITKLE = "InvalidTagKeysListException";
const _ITME = "InvalidTagsMapException";
const _L = "Location";
const _LAARTFR = "ListAssociatedApprovalRuleTemplatesForRepository";
const _LAARTFRI = "ListAssociatedApprovalRuleTemplatesForRepositoryInput";
const _LAARTFRO = "ListAssociatedApprovalRuleTemplatesForRepositoryOutput";
const _LART = "ListApprovalRuleTemplates";
const _LARTI = "ListApprovalRuleTemplatesInput";
const _LARTO = "ListApprovalRuleTemplatesOutput";
const _LB = "ListBranches";
const _LBI = "ListBranchesInput";
const _LBO = "ListBranchesOutput";
const _LFCH = "ListFileCommitHistory";
const _LFCHR = "ListFileCommitHistoryRequest";
const _LFCHRi = "ListFileCommitHistoryResponse";
const _LPR = "ListPullRequests";
const _LPRI = "ListPullRequestsInput";
const _LPRO = "ListPullRequestsOutput";
const _LR = "ListRepositories";
const _LRFART = "ListRepositoriesForApprovalRuleTemplate";
const _LRFARTI = "ListRepositoriesForApprovalRuleTemplateInput";
const _LRFARTO = "ListRepositoriesForApprovalRuleTemplateOutput";
const _LRI = "ListRepositoriesInput";
const _LRO = "ListRepositoriesOutput";
const _LTFR = "ListTagsForResource";
const _LTFRI = "ListTagsForResourceInput";
const _LTFRO = "ListTagsForResourceOutput";
const _MBBFF = "MergeBranchesByFastForward";
const _MBBFFI = "MergeBranchesByFastForwardInput";
const _MBBFFO = "MergeBranchesByFastForwardOutput";
const _MBBS = "MergeBranchesBySquash";
const _MBBSI = "MergeBranchesBySquashInput";
const _MBBSO = "MergeBranchesBySquashOutput";
const _MBBTW = "MergeBranchesByThreeWay";
const _MBBTWI = "MergeBranchesByThreeWayInput";
const _MBBTWO = "MergeBranchesByThreeWayOutput";
const _MBEE = "MaximumBranchesExceededException";
const _MCREE = "MultipleConflictResolutionEntriesException";
const _MCREEE = "MaximumConflictResolutionEntriesExceededException";
const _MFCTLEE = "MaximumFileContentToLoadExceededException";
const _MFEEE = "MaximumFileEntriesExceededException";
const _MH = "MergeHunk";
const _MHD = "MergeHunkDetail";
const _MHe = "MergeHunks";
const _MITCEE = "MaximumItemsToCompareExceededException";
const _MM = "MergeMetadata";
const _MMRE = "ManualMergeRequiredException";
const _MNOAEE = "MaximumNumberOfApprovalsExceededException";
const _MO = "MergeOperations";
const _MOPREE = "MaximumOpenPullRequestsExceededException";
const _MORE = "MergeOptionRequiredException";
const _MPRBFF = "MergePullRequestByFastForward";
const _MPRBFFI = "MergePullRequestByFastForwardInput";
const _MPRBFFO = "MergePullRequestByFastForwardOutput";
const _MPRBS = "MergePullRequestBySquash";
const _MPRBSI = "MergePullRequestBySquashInput";
const _MPRBSO = "MergePullRequestBySquashOutput";
const _MPRBTW = "MergePullRequestByThreeWay";
const _MPRBTWI = "MergePullRequestByThreeWayInput";
const _MPRBTWO = "MergePullRequestByThreeWayOutput";
const _MR = "MaxResults";
const _MRIPRE = "MultipleRepositoriesInPullRequestException";
const _MRNEE = "MaximumRepositoryNamesExceededException";
const _MRTAWRE = "MaximumRuleTemplatesAssociatedWithRepositoryException";
const _MRTEE = "MaximumRepositoryTriggersExceededException";
const _NCE = "NoChangeException";
const _NLEE = "NameLengthExceededException";
const _NOREE = "NumberOfRulesExceededException";
const _NORTEE = "NumberOfRuleTemplatesExceededException";
const _NT = "NextToken";
const _OART = "OriginApprovalRuleTemplate";
const _OASE = "OverrideAlreadySetException";
const _ONAE = "OperationNotAllowedException";
const _OPRAR = "OverridePullRequestApprovalRules";
const _OPRARI = "OverridePullRequestApprovalRulesInput";
const _OSRE = "OverrideStatusRequiredException";
const _OT = "ObjectTypes";
const _PCDNEE = "ParentCommitDoesNotExistException";
const _PCFCC = "PostCommentForComparedCommit";
const _PCFCCI = "PostCommentForComparedCommitInput";
const _PCFCCO = "PostCommentForComparedCommitOutput";
const _PCFPR = "PostCommentForPullRequest";
const _PCFPRI = "PostCommentForPullRequestInput";
const _PCFPRO = "PostCommentForPullRequestOutput";
const _PCIOE = "ParentCommitIdOutdatedException";
const _PCIRE = "ParentCommitIdRequiredException";
const _PCR = "PostCommentReply";
const _PCRI = "PostCommentReplyInput";
const _PCRIu = "PutCommentReactionInput";
const _PCRO = "PostCommentReplyOutput";
const _PCRu = "PutCommentReaction";
const _PDNEE = "PathDoesNotExistException";
const _PF = "PutFile";
const _PFE = "PutFileEntry";
const _PFECE = "PutFileEntryConflictException";
const _PFEu = "PutFileEntries";
const _PFI = "PutFileInput";
const _PFO = "PutFileOutput";
const _PR = "PullRequest";
const _PRACE = "PullRequestAlreadyClosedException";
const _PRARNSE = "PullRequestApprovalRulesNotSatisfiedException";
const _PRCBABAE = "PullRequestCannotBeApprovedByAuthorException";
const _PRCEM = "PullRequestCreatedEventMetadata";
const _PRDNEE = "PullRequestDoesNotExistException";
const _PRE = "PathRequiredException";
const _PREL = "PullRequestEventList";
const _PREu = "PullRequestEvent";
const _PRIRE = "PullRequestIdRequiredException";
const _PRMSCEM = "PullRequestMergedStateChangedEventMetadata";
const _PRSCEM = "PullRequestStatusChangedEventMetadata";
const _PRSRE = "PullRequestStatusRequiredException";
const _PRSRUEM = "PullRequestSourceReferenceUpdatedEventMetadata";
const _PRT = "PullRequestTarget";
const _PRTI = "PutRepositoryTriggersInput";
const _PRTL = "PullRequestTargetList";
const _PRTO = "PutRepositoryTriggersOutput";
const _PRTu = "PutRepositoryTriggers";
const _RARE = "ResourceArnRequiredException";
const _RCE = "ReplaceContentEntry";
const _RCEe = "ReplaceContentEntries";
const _RCRE = "ReplacementContentRequiredException";
const _RD = "RevisionDag";
const _RDNEE = "ReferenceDoesNotExistException";
const _RDNEEe = "RepositoryDoesNotExistException";
const _RFC = "ReactionForComment";
const _RFCL = "ReactionsForCommentList";
const _RIRE = "RevisionIdRequiredException";
const _RLEE = "ReactionLimitExceededException";
const _RLEEe = "RepositoryLimitExceededException";
const _RM = "RepositoryMetadata";
const _RML = "RepositoryMetadataList";
const _RNAWPRE = "RepositoryNotAssociatedWithPullRequestException";
const _RNCE = "RevisionNotCurrentException";
const _RNEE = "RepositoryNameExistsException";
const _RNIP = "RepositoryNameIdPair";
const _RNIPL = "RepositoryNameIdPairList";
const _RNRE = "ReferenceNameRequiredException";
const _RNREe = "RepositoryNameRequiredException";
const _RNREep = "RepositoryNamesRequiredException";
const _RSFE = "RestrictedSourceFileException";
const _RT = "RepositoryTrigger";
const _RTBNLRE = "RepositoryTriggerBranchNameListRequiredException";
const _RTDARE = "RepositoryTriggerDestinationArnRequiredException";
const _RTEF = "RepositoryTriggerExecutionFailure";
const _RTEFL = "RepositoryTriggerExecutionFailureList";
const _RTELRE = "RepositoryTriggerEventsListRequiredException";
const _RTL = "RepositoryTriggersList";
const _RTLRE = "RepositoryTriggersListRequiredException";
const _RTNRE = "RepositoryTriggerNameRequiredException";
const _RTNSE = "ReferenceTypeNotSupportedException";
const _RTRE = "ReplacementTypeRequiredException";
const _RVF = "ReactionValueFormats";
const _RVRE = "ReactionValueRequiredException";
const _SADASE = "SourceAndDestinationAreSameException";
const _SFCE = "SameFileContentException";
const _SFME = "SetFileModeEntry";
const _SFMEe = "SetFileModeEntries";
const _SFOCRE = "SourceFileOrContentRequiredException";
const _SFS = "SourceFileSpecifier";
const _SL = "SymbolicLink";
const _SLL = "SymbolicLinkList";
const _SM = "SubModule";
const _SML = "SubModuleList";
const _SPRE = "SamePathRequestException";
const _T = "Target";
const _TDEE = "TipsDivergenceExceededException";
const _TKLRE = "TagKeysListRequiredException";
const _TL = "TargetList";
const _TMRE = "TagsMapRequiredException";
const _TMTE = "TooManyTagsException";
const _TOSRIDE = "TipOfSourceReferenceIsDifferentException";
const _TPE = "TagPolicyException";
const _TR = "TagResource";
const _TRE = "TargetRequiredException";
const _TREa = "TargetsRequiredException";
const _TREi = "TitleRequiredException";
const _TRI = "TagResourceInput";
const _TRT = "TestRepositoryTriggers";
const _TRTI = "TestRepositoryTriggersInput";
const _TRTO = "TestRepositoryTriggersOutput";
const _UARTC = "UpdateApprovalRuleTemplateContent";
const _UARTCI = "UpdateApprovalRuleTemplateContentInput";
const _UARTCO = "UpdateApprovalRuleTemplateContentOutput";
const _UARTD = "UpdateApprovalRuleTemplateDescription";
const _UARTDI = "UpdateApprovalRuleTemplateDescriptionInput";
const _UARTDO = "UpdateApprovalRuleTemplateDescriptionOutput";
const _UARTN = "UpdateApprovalRuleTemplateName";
const _UARTNI = "UpdateApprovalRuleTemplateNameInput";
const _UARTNO = "UpdateApprovalRuleTemplateNameOutput";
const _UC = "UpdateComment";
const _UCI = "UpdateCommentInput";
const _UCO = "UpdateCommentOutput";
const _UDB = "UpdateDefaultBranch";
const _UDBI = "UpdateDefaultBranchInput";
const _UI = "UserInfo";
const _UPRARC = "UpdatePullRequestApprovalRuleContent";
const _UPRARCI = "UpdatePullRequestApprovalRuleContentInput";
const _UPRARCO = "UpdatePullRequestApprovalRuleContentOutput";
const _UPRAS = "UpdatePullRequestApprovalState";
const _UPRASI = "UpdatePullRequestApprovalStateInput";
const _UPRD = "UpdatePullRequestDescription";
const _UPRDI = "UpdatePullRequestDescriptionInput";
const _UPRDO = "UpdatePullRequestDescriptionOutput";
const _UPRS = "UpdatePullRequestStatus";
const _UPRSI = "UpdatePullRequestStatusInput";
const _UPRSO = "UpdatePullRequestStatusOutput";
const _UPRT = "UpdatePullRequestTitle";
const _UPRTI = "UpdatePullRequestTitleInput";
const _UPRTO = "UpdatePullRequestTitleOutput";
const _UR = "UntagResource";
const _URD = "UpdateRepositoryDescription";
const _URDI = "UpdateRepositoryDescriptionInput";
const _UREK = "UpdateRepositoryEncryptionKey";
const _UREKI = "UpdateRepositoryEncryptionKeyInput";
const _UREKO = "UpdateRepositoryEncryptionKeyOutput";
const _URI = "UntagResourceInput";
const _URN = "UpdateRepositoryName";
const _URNI = "UpdateRepositoryNameInput";
const _VE = "ValidationException";
const _a = "author";
const _aA = "authorArn";
const _aAc = "actorArn";
const _aB = "afterBlob";
const _aBI = "afterBlobId";
const _aBS = "afterBlobSize";
const _aCI = "afterCommitId";
const _aCS = "afterCommitSpecifier";
const _aD = "additionalData";
const _aI = "accountId";
const _aLC = "afterLineCount";
const _aLN = "afterLineNumber";
const _aN = "authorName";
const _aP = "absolutePath";
const _aPf = "afterPath";
const _aR = "approvalRule";
const _aRC = "approvalRuleContent";
const _aREM = "approvalRuleEventMetadata";
const _aRI = "approvalRuleId";
const _aRN = "approvalRuleName";
const _aRNS = "approvalRulesNotSatisfied";
const _aRNs = "associatedRepositoryNames";
const _aROEM = "approvalRuleOverriddenEventMetadata";
const _aRS = "approvalRulesSatisfied";
const _aRT = "approvalRuleTemplate";
const _aRTC = "approvalRuleTemplateContent";
const _aRTD = "approvalRuleTemplateDescription";
const _aRTI = "approvalRuleTemplateId";
const _aRTN = "approvalRuleTemplateName";
const _aRTNp = "approvalRuleTemplateNames";
const _aRp = "approvalRules";
const _aS = "approvalState";
const _aSCEM = "approvalStateChangedEventMetadata";
const _aSL = "afterStartLine";
const _aSp = "approvalStatus";
const _ap = "approved";
const _app = "approvals";
const _b = "base";
const _bB = "beforeBlob";
const _bBI = "beforeBlobId";
const _bBS = "beforeBlobSize";
const _bCI = "baseCommitId";
const _bCIe = "beforeCommitId";
const _bCS = "beforeCommitSpecifier";
const _bI = "blobId";
const _bLC = "beforeLineCount";
const _bLN = "beforeLineNumber";
const _bN = "branchName";
const _bP = "beforePath";
const _bSL = "beforeStartLine";
const _br = "branch";
const _bra = "branches";
const _c = "client";
const _cC = "contentConflict";
const _cD = "creationDate";
const _cDL = "conflictDetailLevel";
const _cDu = "customData";
const _cFCCD = "commentsForComparedCommitData";
const _cFPRD = "commentsForPullRequestData";
const _cI = "commitId";
const _cIo = "commitIds";
const _cIom = "commentId";
const _cIon = "configurationId";
const _cL = "contextLines";
const _cM = "conflictMetadata";
const _cML = "conflictMetadataList";
const _cMo = "commitMessage";
const _cR = "callerReactions";
const _cRS = "conflictResolutionStrategy";
const _cRT = "clientRequestToken";
const _cRo = "conflictResolution";
const _cS = "commitSpecifier";
const _cT = "changeType";
const _cUH = "cloneUrlHttp";
const _cUS = "cloneUrlSsh";
const _ch = "changes";
const _co = "conflicts";
const _com = "commits";
const _comm = "comments";
const _comme = "comment";
const _commi = "committer";
const _commit = "commit";
const _con = "content";
const _d = "deleted";
const _dA = "destinationArn";
const _dB = "deletedBranch";
const _dBN = "defaultBranchName";
const _dBe = "defaultBranch";
const _dC = "destinationCommit";
const _dCI = "destinationCommitId";
const _dCS = "destinationCommitSpecifier";
const _dF = "deleteFiles";
const _dR = "destinationReference";
const _dRN = "disassociatedRepositoryNames";
const _da = "date";
const _de = "description";
const _des = "destination";
const _di = "differences";
const _e = "error";
const _eC = "errorCode";
const _eD = "eventDate";
const _eL = "endLine";
const _eM = "errorMessage";
const _eN = "exceptionName";
const _eRCS = "existingRuleContentSha256";
const _em = "email";
const _emo = "emoji";
const _er = "errors";
const _ev = "evaluation";
const _eve = "events";
const _f = "files";
const _fA = "filesAdded";
const _fC = "fileContent";
const _fD = "filesDeleted";
const _fE = "failedExecutions";
const _fM = "fileModes";
const _fMC = "fileModeConflict";
const _fMa = "failureMessage";
const _fMi = "fileMode";
const _fP = "filePath";
const _fPi = "filePaths";
const _fPil = "filePosition";
const _fPo = "folderPath";
const _fS = "fileSizes";
const _fSi = "fileSize";
const _fU = "filesUpdated";
const _h = "hunks";
const _hC = "hunkContent";
const _iB = "isBinary";
const _iBF = "isBinaryFile";
const _iC = "isConflict";
const _iM = "isMerged";
const _iMs = "isMove";
const _iRT = "inReplyTo";
const _iW = "ignoreWhitespace";
const _kEF = "keepEmptyFolders";
const _kKI = "kmsKeyId";
const _l = "location";
const _lAD = "lastActivityDate";
const _lMD = "lastModifiedDate";
const _lMU = "lastModifiedUser";
const _m = "message";
const _mB = "mergedBy";
const _mBe = "mergeBase";
const _mCF = "maxConflictFiles";
const _mCI = "mergedCommitId";
const _mCIe = "mergeCommitId";
const _mH = "mergeHunks";
const _mM = "mergeMetadata";
const _mMH = "maxMergeHunks";
const _mO = "mergeOption";
const _mOe = "mergeOperations";
const _mOer = "mergeOptions";
const _mR = "maxResults";
const _me = "mergeable";
const _mo = "mode";
const _n = "name";
const _nARTN = "newApprovalRuleTemplateName";
const _nN = "newName";
const _nOC = "numberOfConflicts";
const _nRC = "newRuleContent";
const _nT = "nextToken";
const _o = "overridden";
const _oART = "originApprovalRuleTemplate";
const _oARTN = "oldApprovalRuleTemplateName";
const _oKKI = "originalKmsKeyId";
const _oN = "oldName";
const _oS = "overrideStatus";
const _oT = "objectTypes";
const _oTC = "objectTypeConflict";
const _or = "order";
const _ov = "overrider";
const _p = "path";
const _pCI = "parentCommitId";
const _pF = "putFiles";
const _pR = "pullRequest";
const _pRCEM = "pullRequestCreatedEventMetadata";
const _pRE = "pullRequestEvents";
const _pRET = "pullRequestEventType";
const _pRI = "pullRequestId";
const _pRIu = "pullRequestIds";
const _pRMSCEM = "pullRequestMergedStateChangedEventMetadata";
const _pRS = "pullRequestStatus";
const _pRSCEM = "pullRequestStatusChangedEventMetadata";
const _pRSRUEM = "pullRequestSourceReferenceUpdatedEventMetadata";
const _pRT = "pullRequestTargets";
const _pa = "parents";
const _r = "repositories";
const _rA = "resourceArn";
const _rC = "reactionCounts";
const _rCS = "ruleContentSha256";
const _rCe = "replaceContents";
const _rCev = "revisionChildren";
const _rD = "repositoryDescription";
const _rDe = "revisionDag";
const _rFC = "reactionsForComment";
const _rFDUC = "reactionsFromDeletedUsersCount";
const _rFV = "relativeFileVersion";
const _rI = "revisionId";
const _rIe = "repositoryId";
const _rM = "repositoryMetadata";
const _rN = "repositoryName";
const _rNF = "repositoriesNotFound";
const _rNe = "repositoryNames";
const _rP = "relativePath";
const _rT = "replacementType";
const _rU = "reactionUsers";
const _rUA = "reactionUserArn";
const _rV = "reactionValue";
const _re = "reaction";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.codecommit";
const _sB = "sortBy";
const _sC = "sourceCommit";
const _sCI = "sourceCommitId";
const _sCS = "sourceCommitSpecifier";
const _sCh = "shortCode";
const _sE = "successfulExecutions";
const _sF = "subFolders";
const _sFM = "setFileModes";
const _sFo = "sourceFile";
const _sL = "symbolicLinks";
const _sLt = "startLine";
const _sM = "subModules";
const _sR = "sourceReference";
const _se = "server";
const _so = "source";
const _t = "title";
const _tB = "targetBranch";
const _tI = "treeId";
const _tK = "tagKeys";
const _ta = "targets";
const _tag = "tags";
const _tr = "triggers";
const _tri = "trigger";
const _ty = "type";
const _u = "unicode";
const _uA = "userArn";
const n0 = "com.amazonaws.codecommit";
const _s_registry = new TypeRegistry(_s);
var CodeCommitServiceException$ = [-3, _s, "CodeCommitServiceException", 0, [], []];
_s_registry.registerError(CodeCommitServiceException$, CodeCommitServiceException);
const n0_registry = new TypeRegistry(n0);
var ActorDoesNotExistException$ = [-3, n0, _ADNEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ActorDoesNotExistException$, ActorDoesNotExistException);
var ApprovalRuleContentRequiredException$ = [-3, n0, _ARCRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ApprovalRuleContentRequiredException$, ApprovalRuleContentRequiredException);
var ApprovalRuleDoesNotExistException$ = [-3, n0, _ARDNEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ApprovalRuleDoesNotExistException$, ApprovalRuleDoesNotExistException);
var ApprovalRuleNameAlreadyExistsException$ = [-3, n0, _ARNAEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ApprovalRuleNameAlreadyExistsException$, ApprovalRuleNameAlreadyExistsException);
var ApprovalRuleNameRequiredException$ = [-3, n0, _ARNRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ApprovalRuleNameRequiredException$, ApprovalRuleNameRequiredException);
var ApprovalRuleTemplateContentRequiredException$ = [-3, n0, _ARTCRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ApprovalRuleTemplateContentRequiredException$, ApprovalRuleTemplateContentRequiredException);
var ApprovalRuleTemplateDoesNotExistException$ = [-3, n0, _ARTDNEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ApprovalRuleTemplateDoesNotExistException$, ApprovalRuleTemplateDoesNotExistException);
var ApprovalRuleTemplateInUseException$ = [-3, n0, _ARTIUE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ApprovalRuleTemplateInUseException$, ApprovalRuleTemplateInUseException);
var ApprovalRuleTemplateNameAlreadyExistsException$ = [-3, n0, _ARTNAEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ApprovalRuleTemplateNameAlreadyExistsException$, ApprovalRuleTemplateNameAlreadyExistsException);
var ApprovalRuleTemplateNameRequiredException$ = [-3, n0, _ARTNRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ApprovalRuleTemplateNameRequiredException$, ApprovalRuleTemplateNameRequiredException);
var ApprovalStateRequiredException$ = [-3, n0, _ASRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ApprovalStateRequiredException$, ApprovalStateRequiredException);
var AuthorDoesNotExistException$ = [-3, n0, _ADNEEu,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(AuthorDoesNotExistException$, AuthorDoesNotExistException);
var BeforeCommitIdAndAfterCommitIdAreSameException$ = [-3, n0, _BCIAACIASE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(BeforeCommitIdAndAfterCommitIdAreSameException$, BeforeCommitIdAndAfterCommitIdAreSameException);
var BlobIdDoesNotExistException$ = [-3, n0, _BIDNEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(BlobIdDoesNotExistException$, BlobIdDoesNotExistException);
var BlobIdRequiredException$ = [-3, n0, _BIRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(BlobIdRequiredException$, BlobIdRequiredException);
var BranchDoesNotExistException$ = [-3, n0, _BDNEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(BranchDoesNotExistException$, BranchDoesNotExistException);
var BranchNameExistsException$ = [-3, n0, _BNEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(BranchNameExistsException$, BranchNameExistsException);
var BranchNameIsTagNameException$ = [-3, n0, _BNITNE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(BranchNameIsTagNameException$, BranchNameIsTagNameException);
var BranchNameRequiredException$ = [-3, n0, _BNRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(BranchNameRequiredException$, BranchNameRequiredException);
var CannotDeleteApprovalRuleFromTemplateException$ = [-3, n0, _CDARFTE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(CannotDeleteApprovalRuleFromTemplateException$, CannotDeleteApprovalRuleFromTemplateException);
var CannotModifyApprovalRuleFromTemplateException$ = [-3, n0, _CMARFTE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(CannotModifyApprovalRuleFromTemplateException$, CannotModifyApprovalRuleFromTemplateException);
var ClientRequestTokenRequiredException$ = [-3, n0, _CRTRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ClientRequestTokenRequiredException$, ClientRequestTokenRequiredException);
var CommentContentRequiredException$ = [-3, n0, _CCRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(CommentContentRequiredException$, CommentContentRequiredException);
var CommentContentSizeLimitExceededException$ = [-3, n0, _CCSLEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(CommentContentSizeLimitExceededException$, CommentContentSizeLimitExceededException);
var CommentDeletedException$ = [-3, n0, _CDE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(CommentDeletedException$, CommentDeletedException);
var CommentDoesNotExistException$ = [-3, n0, _CDNEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(CommentDoesNotExistException$, CommentDoesNotExistException);
var CommentIdRequiredException$ = [-3, n0, _CIRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(CommentIdRequiredException$, CommentIdRequiredException);
var CommentNotCreatedByCallerException$ = [-3, n0, _CNCBCE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(CommentNotCreatedByCallerException$, CommentNotCreatedByCallerException);
var CommitDoesNotExistException$ = [-3, n0, _CDNEEo,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(CommitDoesNotExistException$, CommitDoesNotExistException);
var CommitIdDoesNotExistException$ = [-3, n0, _CIDNEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(CommitIdDoesNotExistException$, CommitIdDoesNotExistException);
var CommitIdRequiredException$ = [-3, n0, _CIREo,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(CommitIdRequiredException$, CommitIdRequiredException);
var CommitIdsLimitExceededException$ = [-3, n0, _CILEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(CommitIdsLimitExceededException$, CommitIdsLimitExceededException);
var CommitIdsListRequiredException$ = [-3, n0, _CILRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(CommitIdsListRequiredException$, CommitIdsListRequiredException);
var CommitMessageLengthExceededException$ = [-3, n0, _CMLEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(CommitMessageLengthExceededException$, CommitMessageLengthExceededException);
var CommitRequiredException$ = [-3, n0, _CRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(CommitRequiredException$, CommitRequiredException);
var ConcurrentReferenceUpdateException$ = [-3, n0, _CRUE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ConcurrentReferenceUpdateException$, ConcurrentReferenceUpdateException);
var DefaultBranchCannotBeDeletedException$ = [-3, n0, _DBCBDE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(DefaultBranchCannotBeDeletedException$, DefaultBranchCannotBeDeletedException);
var DirectoryNameConflictsWithFileNameException$ = [-3, n0, _DNCWFNE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(DirectoryNameConflictsWithFileNameException$, DirectoryNameConflictsWithFileNameException);
var EncryptionIntegrityChecksFailedException$ = [-3, n0, _EICFE,
    { [_e]: _se },
    [_m],
    [0]
];
n0_registry.registerError(EncryptionIntegrityChecksFailedException$, EncryptionIntegrityChecksFailedException);
var EncryptionKeyAccessDeniedException$ = [-3, n0, _EKADE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(EncryptionKeyAccessDeniedException$, EncryptionKeyAccessDeniedException);
var EncryptionKeyDisabledException$ = [-3, n0, _EKDE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(EncryptionKeyDisabledException$, EncryptionKeyDisabledException);
var EncryptionKeyInvalidIdException$ = [-3, n0, _EKIIE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(EncryptionKeyInvalidIdException$, EncryptionKeyInvalidIdException);
var EncryptionKeyInvalidUsageException$ = [-3, n0, _EKIUE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(EncryptionKeyInvalidUsageException$, EncryptionKeyInvalidUsageException);
var EncryptionKeyNotFoundException$ = [-3, n0, _EKNFE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(EncryptionKeyNotFoundException$, EncryptionKeyNotFoundException);
var EncryptionKeyRequiredException$ = [-3, n0, _EKRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(EncryptionKeyRequiredException$, EncryptionKeyRequiredException);
var EncryptionKeyUnavailableException$ = [-3, n0, _EKUE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(EncryptionKeyUnavailableException$, EncryptionKeyUnavailableException);
var FileContentAndSourceFileSpecifiedException$ = [-3, n0, _FCASFSE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(FileContentAndSourceFileSpecifiedException$, FileContentAndSourceFileSpecifiedException);
var FileContentRequiredException$ = [-3, n0, _FCRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(FileContentRequiredException$, FileContentRequiredException);
var FileContentSizeLimitExceededException$ = [-3, n0, _FCSLEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(FileContentSizeLimitExceededException$, FileContentSizeLimitExceededException);
var FileDoesNotExistException$ = [-3, n0, _FDNEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(FileDoesNotExistException$, FileDoesNotExistException);
var FileEntryRequiredException$ = [-3, n0, _FERE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(FileEntryRequiredException$, FileEntryRequiredException);
var FileModeRequiredException$ = [-3, n0, _FMRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(FileModeRequiredException$, FileModeRequiredException);
var FileNameConflictsWithDirectoryNameException$ = [-3, n0, _FNCWDNE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(FileNameConflictsWithDirectoryNameException$, FileNameConflictsWithDirectoryNameException);
var FilePathConflictsWithSubmodulePathException$ = [-3, n0, _FPCWSPE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(FilePathConflictsWithSubmodulePathException$, FilePathConflictsWithSubmodulePathException);
var FileTooLargeException$ = [-3, n0, _FTLE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(FileTooLargeException$, FileTooLargeException);
var FolderContentSizeLimitExceededException$ = [-3, n0, _FCSLEEo,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(FolderContentSizeLimitExceededException$, FolderContentSizeLimitExceededException);
var FolderDoesNotExistException$ = [-3, n0, _FDNEEo,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(FolderDoesNotExistException$, FolderDoesNotExistException);
var IdempotencyParameterMismatchException$ = [-3, n0, _IPME,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(IdempotencyParameterMismatchException$, IdempotencyParameterMismatchException);
var InvalidActorArnException$ = [-3, n0, _IAAE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidActorArnException$, InvalidActorArnException);
var InvalidApprovalRuleContentException$ = [-3, n0, _IARCE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidApprovalRuleContentException$, InvalidApprovalRuleContentException);
var InvalidApprovalRuleNameException$ = [-3, n0, _IARNE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidApprovalRuleNameException$, InvalidApprovalRuleNameException);
var InvalidApprovalRuleTemplateContentException$ = [-3, n0, _IARTCE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidApprovalRuleTemplateContentException$, InvalidApprovalRuleTemplateContentException);
var InvalidApprovalRuleTemplateDescriptionException$ = [-3, n0, _IARTDE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidApprovalRuleTemplateDescriptionException$, InvalidApprovalRuleTemplateDescriptionException);
var InvalidApprovalRuleTemplateNameException$ = [-3, n0, _IARTNE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidApprovalRuleTemplateNameException$, InvalidApprovalRuleTemplateNameException);
var InvalidApprovalStateException$ = [-3, n0, _IASE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidApprovalStateException$, InvalidApprovalStateException);
var InvalidAuthorArnException$ = [-3, n0, _IAAEn,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidAuthorArnException$, InvalidAuthorArnException);
var InvalidBlobIdException$ = [-3, n0, _IBIE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidBlobIdException$, InvalidBlobIdException);
var InvalidBranchNameException$ = [-3, n0, _IBNE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidBranchNameException$, InvalidBranchNameException);
var InvalidClientRequestTokenException$ = [-3, n0, _ICRTE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidClientRequestTokenException$, InvalidClientRequestTokenException);
var InvalidCommentIdException$ = [-3, n0, _ICIE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidCommentIdException$, InvalidCommentIdException);
var InvalidCommitException$ = [-3, n0, _ICE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidCommitException$, InvalidCommitException);
var InvalidCommitIdException$ = [-3, n0, _ICIEn,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidCommitIdException$, InvalidCommitIdException);
var InvalidConflictDetailLevelException$ = [-3, n0, _ICDLE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidConflictDetailLevelException$, InvalidConflictDetailLevelException);
var InvalidConflictResolutionException$ = [-3, n0, _ICRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidConflictResolutionException$, InvalidConflictResolutionException);
var InvalidConflictResolutionStrategyException$ = [-3, n0, _ICRSE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidConflictResolutionStrategyException$, InvalidConflictResolutionStrategyException);
var InvalidContinuationTokenException$ = [-3, n0, _ICTE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidContinuationTokenException$, InvalidContinuationTokenException);
var InvalidDeletionParameterException$ = [-3, n0, _IDPE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidDeletionParameterException$, InvalidDeletionParameterException);
var InvalidDescriptionException$ = [-3, n0, _IDE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidDescriptionException$, InvalidDescriptionException);
var InvalidDestinationCommitSpecifierException$ = [-3, n0, _IDCSE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidDestinationCommitSpecifierException$, InvalidDestinationCommitSpecifierException);
var InvalidEmailException$ = [-3, n0, _IEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidEmailException$, InvalidEmailException);
var InvalidFileLocationException$ = [-3, n0, _IFLE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidFileLocationException$, InvalidFileLocationException);
var InvalidFileModeException$ = [-3, n0, _IFME,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidFileModeException$, InvalidFileModeException);
var InvalidFilePositionException$ = [-3, n0, _IFPE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidFilePositionException$, InvalidFilePositionException);
var InvalidMaxConflictFilesException$ = [-3, n0, _IMCFE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidMaxConflictFilesException$, InvalidMaxConflictFilesException);
var InvalidMaxMergeHunksException$ = [-3, n0, _IMMHE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidMaxMergeHunksException$, InvalidMaxMergeHunksException);
var InvalidMaxResultsException$ = [-3, n0, _IMRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidMaxResultsException$, InvalidMaxResultsException);
var InvalidMergeOptionException$ = [-3, n0, _IMOE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidMergeOptionException$, InvalidMergeOptionException);
var InvalidOrderException$ = [-3, n0, _IOE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidOrderException$, InvalidOrderException);
var InvalidOverrideStatusException$ = [-3, n0, _IOSE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidOverrideStatusException$, InvalidOverrideStatusException);
var InvalidParentCommitIdException$ = [-3, n0, _IPCIE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidParentCommitIdException$, InvalidParentCommitIdException);
var InvalidPathException$ = [-3, n0, _IPE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidPathException$, InvalidPathException);
var InvalidPullRequestEventTypeException$ = [-3, n0, _IPRETE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidPullRequestEventTypeException$, InvalidPullRequestEventTypeException);
var InvalidPullRequestIdException$ = [-3, n0, _IPRIE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidPullRequestIdException$, InvalidPullRequestIdException);
var InvalidPullRequestStatusException$ = [-3, n0, _IPRSE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidPullRequestStatusException$, InvalidPullRequestStatusException);
var InvalidPullRequestStatusUpdateException$ = [-3, n0, _IPRSUE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidPullRequestStatusUpdateException$, InvalidPullRequestStatusUpdateException);
var InvalidReactionUserArnException$ = [-3, n0, _IRUAE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidReactionUserArnException$, InvalidReactionUserArnException);
var InvalidReactionValueException$ = [-3, n0, _IRVE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidReactionValueException$, InvalidReactionValueException);
var InvalidReferenceNameException$ = [-3, n0, _IRNE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidReferenceNameException$, InvalidReferenceNameException);
var InvalidRelativeFileVersionEnumException$ = [-3, n0, _IRFVEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidRelativeFileVersionEnumException$, InvalidRelativeFileVersionEnumException);
var InvalidReplacementContentException$ = [-3, n0, _IRCE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidReplacementContentException$, InvalidReplacementContentException);
var InvalidReplacementTypeException$ = [-3, n0, _IRTE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidReplacementTypeException$, InvalidReplacementTypeException);
var InvalidRepositoryDescriptionException$ = [-3, n0, _IRDE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidRepositoryDescriptionException$, InvalidRepositoryDescriptionException);
var InvalidRepositoryNameException$ = [-3, n0, _IRNEn,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidRepositoryNameException$, InvalidRepositoryNameException);
var InvalidRepositoryTriggerBranchNameException$ = [-3, n0, _IRTBNE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidRepositoryTriggerBranchNameException$, InvalidRepositoryTriggerBranchNameException);
var InvalidRepositoryTriggerCustomDataException$ = [-3, n0, _IRTCDE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidRepositoryTriggerCustomDataException$, InvalidRepositoryTriggerCustomDataException);
var InvalidRepositoryTriggerDestinationArnException$ = [-3, n0, _IRTDAE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidRepositoryTriggerDestinationArnException$, InvalidRepositoryTriggerDestinationArnException);
var InvalidRepositoryTriggerEventsException$ = [-3, n0, _IRTEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidRepositoryTriggerEventsException$, InvalidRepositoryTriggerEventsException);
var InvalidRepositoryTriggerNameException$ = [-3, n0, _IRTNE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidRepositoryTriggerNameException$, InvalidRepositoryTriggerNameException);
var InvalidRepositoryTriggerRegionException$ = [-3, n0, _IRTRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidRepositoryTriggerRegionException$, InvalidRepositoryTriggerRegionException);
var InvalidResourceArnException$ = [-3, n0, _IRAE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidResourceArnException$, InvalidResourceArnException);
var InvalidRevisionIdException$ = [-3, n0, _IRIE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidRevisionIdException$, InvalidRevisionIdException);
var InvalidRuleContentSha256Exception$ = [-3, n0, _IRCSE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidRuleContentSha256Exception$, InvalidRuleContentSha256Exception);
var InvalidSortByException$ = [-3, n0, _ISBE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidSortByException$, InvalidSortByException);
var InvalidSourceCommitSpecifierException$ = [-3, n0, _ISCSE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidSourceCommitSpecifierException$, InvalidSourceCommitSpecifierException);
var InvalidSystemTagUsageException$ = [-3, n0, _ISTUE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidSystemTagUsageException$, InvalidSystemTagUsageException);
var InvalidTagKeysListException$ = [-3, n0, _ITKLE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidTagKeysListException$, InvalidTagKeysListException);
var InvalidTagsMapException$ = [-3, n0, _ITME,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidTagsMapException$, InvalidTagsMapException);
var InvalidTargetBranchException$ = [-3, n0, _ITBE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidTargetBranchException$, InvalidTargetBranchException);
var InvalidTargetException$ = [-3, n0, _ITE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidTargetException$, InvalidTargetException);
var InvalidTargetsException$ = [-3, n0, _ITEn,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidTargetsException$, InvalidTargetsException);
var InvalidTitleException$ = [-3, n0, _ITEnv,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(InvalidTitleException$, InvalidTitleException);
var ManualMergeRequiredException$ = [-3, n0, _MMRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ManualMergeRequiredException$, ManualMergeRequiredException);
var MaximumBranchesExceededException$ = [-3, n0, _MBEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(MaximumBranchesExceededException$, MaximumBranchesExceededException);
var MaximumConflictResolutionEntriesExceededException$ = [-3, n0, _MCREEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(MaximumConflictResolutionEntriesExceededException$, MaximumConflictResolutionEntriesExceededException);
var MaximumFileContentToLoadExceededException$ = [-3, n0, _MFCTLEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(MaximumFileContentToLoadExceededException$, MaximumFileContentToLoadExceededException);
var MaximumFileEntriesExceededException$ = [-3, n0, _MFEEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(MaximumFileEntriesExceededException$, MaximumFileEntriesExceededException);
var MaximumItemsToCompareExceededException$ = [-3, n0, _MITCEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(MaximumItemsToCompareExceededException$, MaximumItemsToCompareExceededException);
var MaximumNumberOfApprovalsExceededException$ = [-3, n0, _MNOAEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(MaximumNumberOfApprovalsExceededException$, MaximumNumberOfApprovalsExceededException);
var MaximumOpenPullRequestsExceededException$ = [-3, n0, _MOPREE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(MaximumOpenPullRequestsExceededException$, MaximumOpenPullRequestsExceededException);
var MaximumRepositoryNamesExceededException$ = [-3, n0, _MRNEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(MaximumRepositoryNamesExceededException$, MaximumRepositoryNamesExceededException);
var MaximumRepositoryTriggersExceededException$ = [-3, n0, _MRTEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(MaximumRepositoryTriggersExceededException$, MaximumRepositoryTriggersExceededException);
var MaximumRuleTemplatesAssociatedWithRepositoryException$ = [-3, n0, _MRTAWRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(MaximumRuleTemplatesAssociatedWithRepositoryException$, MaximumRuleTemplatesAssociatedWithRepositoryException);
var MergeOptionRequiredException$ = [-3, n0, _MORE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(MergeOptionRequiredException$, MergeOptionRequiredException);
var MultipleConflictResolutionEntriesException$ = [-3, n0, _MCREE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(MultipleConflictResolutionEntriesException$, MultipleConflictResolutionEntriesException);
var MultipleRepositoriesInPullRequestException$ = [-3, n0, _MRIPRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(MultipleRepositoriesInPullRequestException$, MultipleRepositoriesInPullRequestException);
var NameLengthExceededException$ = [-3, n0, _NLEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(NameLengthExceededException$, NameLengthExceededException);
var NoChangeException$ = [-3, n0, _NCE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(NoChangeException$, NoChangeException);
var NumberOfRulesExceededException$ = [-3, n0, _NOREE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(NumberOfRulesExceededException$, NumberOfRulesExceededException);
var NumberOfRuleTemplatesExceededException$ = [-3, n0, _NORTEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(NumberOfRuleTemplatesExceededException$, NumberOfRuleTemplatesExceededException);
var OperationNotAllowedException$ = [-3, n0, _ONAE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(OperationNotAllowedException$, OperationNotAllowedException);
var OverrideAlreadySetException$ = [-3, n0, _OASE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(OverrideAlreadySetException$, OverrideAlreadySetException);
var OverrideStatusRequiredException$ = [-3, n0, _OSRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(OverrideStatusRequiredException$, OverrideStatusRequiredException);
var ParentCommitDoesNotExistException$ = [-3, n0, _PCDNEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ParentCommitDoesNotExistException$, ParentCommitDoesNotExistException);
var ParentCommitIdOutdatedException$ = [-3, n0, _PCIOE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ParentCommitIdOutdatedException$, ParentCommitIdOutdatedException);
var ParentCommitIdRequiredException$ = [-3, n0, _PCIRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ParentCommitIdRequiredException$, ParentCommitIdRequiredException);
var PathDoesNotExistException$ = [-3, n0, _PDNEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(PathDoesNotExistException$, PathDoesNotExistException);
var PathRequiredException$ = [-3, n0, _PRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(PathRequiredException$, PathRequiredException);
var PullRequestAlreadyClosedException$ = [-3, n0, _PRACE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(PullRequestAlreadyClosedException$, PullRequestAlreadyClosedException);
var PullRequestApprovalRulesNotSatisfiedException$ = [-3, n0, _PRARNSE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(PullRequestApprovalRulesNotSatisfiedException$, PullRequestApprovalRulesNotSatisfiedException);
var PullRequestCannotBeApprovedByAuthorException$ = [-3, n0, _PRCBABAE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(PullRequestCannotBeApprovedByAuthorException$, PullRequestCannotBeApprovedByAuthorException);
var PullRequestDoesNotExistException$ = [-3, n0, _PRDNEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(PullRequestDoesNotExistException$, PullRequestDoesNotExistException);
var PullRequestIdRequiredException$ = [-3, n0, _PRIRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(PullRequestIdRequiredException$, PullRequestIdRequiredException);
var PullRequestStatusRequiredException$ = [-3, n0, _PRSRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(PullRequestStatusRequiredException$, PullRequestStatusRequiredException);
var PutFileEntryConflictException$ = [-3, n0, _PFECE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(PutFileEntryConflictException$, PutFileEntryConflictException);
var ReactionLimitExceededException$ = [-3, n0, _RLEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ReactionLimitExceededException$, ReactionLimitExceededException);
var ReactionValueRequiredException$ = [-3, n0, _RVRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ReactionValueRequiredException$, ReactionValueRequiredException);
var ReferenceDoesNotExistException$ = [-3, n0, _RDNEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ReferenceDoesNotExistException$, ReferenceDoesNotExistException);
var ReferenceNameRequiredException$ = [-3, n0, _RNRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ReferenceNameRequiredException$, ReferenceNameRequiredException);
var ReferenceTypeNotSupportedException$ = [-3, n0, _RTNSE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ReferenceTypeNotSupportedException$, ReferenceTypeNotSupportedException);
var ReplacementContentRequiredException$ = [-3, n0, _RCRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ReplacementContentRequiredException$, ReplacementContentRequiredException);
var ReplacementTypeRequiredException$ = [-3, n0, _RTRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ReplacementTypeRequiredException$, ReplacementTypeRequiredException);
var RepositoryDoesNotExistException$ = [-3, n0, _RDNEEe,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RepositoryDoesNotExistException$, RepositoryDoesNotExistException);
var RepositoryLimitExceededException$ = [-3, n0, _RLEEe,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RepositoryLimitExceededException$, RepositoryLimitExceededException);
var RepositoryNameExistsException$ = [-3, n0, _RNEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RepositoryNameExistsException$, RepositoryNameExistsException);
var RepositoryNameRequiredException$ = [-3, n0, _RNREe,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RepositoryNameRequiredException$, RepositoryNameRequiredException);
var RepositoryNamesRequiredException$ = [-3, n0, _RNREep,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RepositoryNamesRequiredException$, RepositoryNamesRequiredException);
var RepositoryNotAssociatedWithPullRequestException$ = [-3, n0, _RNAWPRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RepositoryNotAssociatedWithPullRequestException$, RepositoryNotAssociatedWithPullRequestException);
var RepositoryTriggerBranchNameListRequiredException$ = [-3, n0, _RTBNLRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RepositoryTriggerBranchNameListRequiredException$, RepositoryTriggerBranchNameListRequiredException);
var RepositoryTriggerDestinationArnRequiredException$ = [-3, n0, _RTDARE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RepositoryTriggerDestinationArnRequiredException$, RepositoryTriggerDestinationArnRequiredException);
var RepositoryTriggerEventsListRequiredException$ = [-3, n0, _RTELRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RepositoryTriggerEventsListRequiredException$, RepositoryTriggerEventsListRequiredException);
var RepositoryTriggerNameRequiredException$ = [-3, n0, _RTNRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RepositoryTriggerNameRequiredException$, RepositoryTriggerNameRequiredException);
var RepositoryTriggersListRequiredException$ = [-3, n0, _RTLRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RepositoryTriggersListRequiredException$, RepositoryTriggersListRequiredException);
var ResourceArnRequiredException$ = [-3, n0, _RARE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ResourceArnRequiredException$, ResourceArnRequiredException);
var RestrictedSourceFileException$ = [-3, n0, _RSFE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RestrictedSourceFileException$, RestrictedSourceFileException);
var RevisionIdRequiredException$ = [-3, n0, _RIRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RevisionIdRequiredException$, RevisionIdRequiredException);
var RevisionNotCurrentException$ = [-3, n0, _RNCE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(RevisionNotCurrentException$, RevisionNotCurrentException);
var SameFileContentException$ = [-3, n0, _SFCE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(SameFileContentException$, SameFileContentException);
var SamePathRequestException$ = [-3, n0, _SPRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(SamePathRequestException$, SamePathRequestException);
var SourceAndDestinationAreSameException$ = [-3, n0, _SADASE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(SourceAndDestinationAreSameException$, SourceAndDestinationAreSameException);
var SourceFileOrContentRequiredException$ = [-3, n0, _SFOCRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(SourceFileOrContentRequiredException$, SourceFileOrContentRequiredException);
var TagKeysListRequiredException$ = [-3, n0, _TKLRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(TagKeysListRequiredException$, TagKeysListRequiredException);
var TagPolicyException$ = [-3, n0, _TPE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(TagPolicyException$, TagPolicyException);
var TagsMapRequiredException$ = [-3, n0, _TMRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(TagsMapRequiredException$, TagsMapRequiredException);
var TargetRequiredException$ = [-3, n0, _TRE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(TargetRequiredException$, TargetRequiredException);
var TargetsRequiredException$ = [-3, n0, _TREa,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(TargetsRequiredException$, TargetsRequiredException);
var TipOfSourceReferenceIsDifferentException$ = [-3, n0, _TOSRIDE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(TipOfSourceReferenceIsDifferentException$, TipOfSourceReferenceIsDifferentException);
var TipsDivergenceExceededException$ = [-3, n0, _TDEE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(TipsDivergenceExceededException$, TipsDivergenceExceededException);
var TitleRequiredException$ = [-3, n0, _TREi,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(TitleRequiredException$, TitleRequiredException);
var TooManyTagsException$ = [-3, n0, _TMTE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(TooManyTagsException$, TooManyTagsException);
var ValidationException$ = [-3, n0, _VE,
    { [_e]: _c },
    [_m],
    [0]
];
n0_registry.registerError(ValidationException$, ValidationException);
const errorTypeRegistries = [
    _s_registry,
    n0_registry,
];
var Approval$ = [3, n0, _A,
    0,
    [_uA, _aS],
    [0, 0]
];
var ApprovalRule$ = [3, n0, _AR,
    0,
    [_aRI, _aRN, _aRC, _rCS, _lMD, _cD, _lMU, _oART],
    [0, 0, 0, 0, 4, 4, 0, () => OriginApprovalRuleTemplate$]
];
var ApprovalRuleEventMetadata$ = [3, n0, _AREM,
    0,
    [_aRN, _aRI, _aRC],
    [0, 0, 0]
];
var ApprovalRuleOverriddenEventMetadata$ = [3, n0, _AROEM,
    0,
    [_rI, _oS],
    [0, 0]
];
var ApprovalRuleTemplate$ = [3, n0, _ART,
    0,
    [_aRTI, _aRTN, _aRTD, _aRTC, _rCS, _lMD, _cD, _lMU],
    [0, 0, 0, 0, 0, 4, 4, 0]
];
var ApprovalStateChangedEventMetadata$ = [3, n0, _ASCEM,
    0,
    [_rI, _aSp],
    [0, 0]
];
var AssociateApprovalRuleTemplateWithRepositoryInput$ = [3, n0, _AARTWRI,
    0,
    [_aRTN, _rN],
    [0, 0], 2
];
var BatchAssociateApprovalRuleTemplateWithRepositoriesError$ = [3, n0, _BAARTWRE,
    0,
    [_rN, _eC, _eM],
    [0, 0, 0]
];
var BatchAssociateApprovalRuleTemplateWithRepositoriesInput$ = [3, n0, _BAARTWRI,
    0,
    [_aRTN, _rNe],
    [0, 64 | 0], 2
];
var BatchAssociateApprovalRuleTemplateWithRepositoriesOutput$ = [3, n0, _BAARTWRO,
    0,
    [_aRNs, _er],
    [64 | 0, () => BatchAssociateApprovalRuleTemplateWithRepositoriesErrorsList], 2
];
var BatchDescribeMergeConflictsError$ = [3, n0, _BDMCE,
    0,
    [_fP, _eN, _m],
    [0, 0, 0], 3
];
var BatchDescribeMergeConflictsInput$ = [3, n0, _BDMCI,
    0,
    [_rN, _dCS, _sCS, _mO, _mMH, _mCF, _fPi, _cDL, _cRS, _nT],
    [0, 0, 0, 0, 1, 1, 64 | 0, 0, 0, 0], 4
];
var BatchDescribeMergeConflictsOutput$ = [3, n0, _BDMCO,
    0,
    [_co, _dCI, _sCI, _nT, _er, _bCI],
    [() => Conflicts, 0, 0, 0, () => BatchDescribeMergeConflictsErrors, 0], 3
];
var BatchDisassociateApprovalRuleTemplateFromRepositoriesError$ = [3, n0, _BDARTFRE,
    0,
    [_rN, _eC, _eM],
    [0, 0, 0]
];
var BatchDisassociateApprovalRuleTemplateFromRepositoriesInput$ = [3, n0, _BDARTFRI,
    0,
    [_aRTN, _rNe],
    [0, 64 | 0], 2
];
var BatchDisassociateApprovalRuleTemplateFromRepositoriesOutput$ = [3, n0, _BDARTFRO,
    0,
    [_dRN, _er],
    [64 | 0, () => BatchDisassociateApprovalRuleTemplateFromRepositoriesErrorsList], 2
];
var BatchGetCommitsError$ = [3, n0, _BGCE,
    0,
    [_cI, _eC, _eM],
    [0, 0, 0]
];
var BatchGetCommitsInput$ = [3, n0, _BGCI,
    0,
    [_cIo, _rN],
    [64 | 0, 0], 2
];
var BatchGetCommitsOutput$ = [3, n0, _BGCO,
    0,
    [_com, _er],
    [() => CommitObjectsList, () => BatchGetCommitsErrorsList]
];
var BatchGetRepositoriesError$ = [3, n0, _BGRE,
    0,
    [_rIe, _rN, _eC, _eM],
    [0, 0, 0, 0]
];
var BatchGetRepositoriesInput$ = [3, n0, _BGRI,
    0,
    [_rNe],
    [64 | 0], 1
];
var BatchGetRepositoriesOutput$ = [3, n0, _BGRO,
    0,
    [_r, _rNF, _er],
    [() => RepositoryMetadataList, 64 | 0, () => BatchGetRepositoriesErrorsList]
];
var BlobMetadata$ = [3, n0, _BM,
    0,
    [_bI, _p, _mo],
    [0, 0, 0]
];
var BranchInfo$ = [3, n0, _BI,
    0,
    [_bN, _cI],
    [0, 0]
];
var Comment$ = [3, n0, _C,
    0,
    [_cIom, _con, _iRT, _cD, _lMD, _aA, _d, _cRT, _cR, _rC],
    [0, 0, 0, 4, 4, 0, 2, 0, 64 | 0, 128 | 1]
];
var CommentsForComparedCommit$ = [3, n0, _CFCC,
    0,
    [_rN, _bCIe, _aCI, _bBI, _aBI, _l, _comm],
    [0, 0, 0, 0, 0, () => Location$, () => Comments]
];
var CommentsForPullRequest$ = [3, n0, _CFPR,
    0,
    [_pRI, _rN, _bCIe, _aCI, _bBI, _aBI, _l, _comm],
    [0, 0, 0, 0, 0, 0, () => Location$, () => Comments]
];
var Commit$ = [3, n0, _Co,
    0,
    [_cI, _tI, _pa, _m, _a, _commi, _aD],
    [0, 0, 64 | 0, 0, () => UserInfo$, () => UserInfo$, 0]
];
var Conflict$ = [3, n0, _Con,
    0,
    [_cM, _mH],
    [() => ConflictMetadata$, () => MergeHunks]
];
var ConflictMetadata$ = [3, n0, _CM,
    0,
    [_fP, _fS, _fM, _oT, _nOC, _iBF, _cC, _fMC, _oTC, _mOe],
    [0, () => FileSizes$, () => FileModes$, () => ObjectTypes$, 1, () => IsBinaryFile$, 2, 2, 2, () => MergeOperations$]
];
var ConflictResolution$ = [3, n0, _CR,
    0,
    [_rCe, _dF, _sFM],
    [() => ReplaceContentEntries, () => DeleteFileEntries, () => SetFileModeEntries]
];
var CreateApprovalRuleTemplateInput$ = [3, n0, _CARTI,
    0,
    [_aRTN, _aRTC, _aRTD],
    [0, 0, 0], 2
];
var CreateApprovalRuleTemplateOutput$ = [3, n0, _CARTO,
    0,
    [_aRT],
    [() => ApprovalRuleTemplate$], 1
];
var CreateBranchInput$ = [3, n0, _CBI,
    0,
    [_rN, _bN, _cI],
    [0, 0, 0], 3
];
var CreateCommitInput$ = [3, n0, _CCI,
    0,
    [_rN, _bN, _pCI, _aN, _em, _cMo, _kEF, _pF, _dF, _sFM],
    [0, 0, 0, 0, 0, 0, 2, () => PutFileEntries, () => DeleteFileEntries, () => SetFileModeEntries], 2
];
var CreateCommitOutput$ = [3, n0, _CCO,
    0,
    [_cI, _tI, _fA, _fU, _fD],
    [0, 0, () => FilesMetadata, () => FilesMetadata, () => FilesMetadata]
];
var CreatePullRequestApprovalRuleInput$ = [3, n0, _CPRARI,
    0,
    [_pRI, _aRN, _aRC],
    [0, 0, 0], 3
];
var CreatePullRequestApprovalRuleOutput$ = [3, n0, _CPRARO,
    0,
    [_aR],
    [() => ApprovalRule$], 1
];
var CreatePullRequestInput$ = [3, n0, _CPRI,
    0,
    [_t, _ta, _de, _cRT],
    [0, () => TargetList, 0, [0, 4]], 2
];
var CreatePullRequestOutput$ = [3, n0, _CPRO,
    0,
    [_pR],
    [() => PullRequest$], 1
];
var CreateRepositoryInput$ = [3, n0, _CRI,
    0,
    [_rN, _rD, _tag, _kKI],
    [0, 0, 128 | 0, 0], 1
];
var CreateRepositoryOutput$ = [3, n0, _CRO,
    0,
    [_rM],
    [() => RepositoryMetadata$]
];
var CreateUnreferencedMergeCommitInput$ = [3, n0, _CUMCI,
    0,
    [_rN, _sCS, _dCS, _mO, _cDL, _cRS, _aN, _em, _cMo, _kEF, _cRo],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, () => ConflictResolution$], 4
];
var CreateUnreferencedMergeCommitOutput$ = [3, n0, _CUMCO,
    0,
    [_cI, _tI],
    [0, 0]
];
var DeleteApprovalRuleTemplateInput$ = [3, n0, _DARTI,
    0,
    [_aRTN],
    [0], 1
];
var DeleteApprovalRuleTemplateOutput$ = [3, n0, _DARTO,
    0,
    [_aRTI],
    [0], 1
];
var DeleteBranchInput$ = [3, n0, _DBI,
    0,
    [_rN, _bN],
    [0, 0], 2
];
var DeleteBranchOutput$ = [3, n0, _DBO,
    0,
    [_dB],
    [() => BranchInfo$]
];
var DeleteCommentContentInput$ = [3, n0, _DCCI,
    0,
    [_cIom],
    [0], 1
];
var DeleteCommentContentOutput$ = [3, n0, _DCCO,
    0,
    [_comme],
    [() => Comment$]
];
var DeleteFileEntry$ = [3, n0, _DFE,
    0,
    [_fP],
    [0], 1
];
var DeleteFileInput$ = [3, n0, _DFI,
    0,
    [_rN, _bN, _fP, _pCI, _kEF, _cMo, _n, _em],
    [0, 0, 0, 0, 2, 0, 0, 0], 4
];
var DeleteFileOutput$ = [3, n0, _DFO,
    0,
    [_cI, _bI, _tI, _fP],
    [0, 0, 0, 0], 4
];
var DeletePullRequestApprovalRuleInput$ = [3, n0, _DPRARI,
    0,
    [_pRI, _aRN],
    [0, 0], 2
];
var DeletePullRequestApprovalRuleOutput$ = [3, n0, _DPRARO,
    0,
    [_aRI],
    [0], 1
];
var DeleteRepositoryInput$ = [3, n0, _DRI,
    0,
    [_rN],
    [0], 1
];
var DeleteRepositoryOutput$ = [3, n0, _DRO,
    0,
    [_rIe],
    [0]
];
var DescribeMergeConflictsInput$ = [3, n0, _DMCI,
    0,
    [_rN, _dCS, _sCS, _mO, _fP, _mMH, _cDL, _cRS, _nT],
    [0, 0, 0, 0, 0, 1, 0, 0, 0], 5
];
var DescribeMergeConflictsOutput$ = [3, n0, _DMCO,
    0,
    [_cM, _mH, _dCI, _sCI, _nT, _bCI],
    [() => ConflictMetadata$, () => MergeHunks, 0, 0, 0, 0], 4
];
var DescribePullRequestEventsInput$ = [3, n0, _DPREI,
    0,
    [_pRI, _pRET, _aAc, _nT, _mR],
    [0, 0, 0, 0, 1], 1
];
var DescribePullRequestEventsOutput$ = [3, n0, _DPREO,
    0,
    [_pRE, _nT],
    [() => PullRequestEventList, 0], 1
];
var DiffChange$ = [3, n0, _DC,
    0,
    [_ty, _bLN, _aLN, _con],
    [0, 1, 1, 0]
];
var Difference$ = [3, n0, _D,
    0,
    [_bB, _aB, _cT],
    [() => BlobMetadata$, () => BlobMetadata$, 0]
];
var DiffHunk$ = [3, n0, _DH,
    0,
    [_bSL, _bLC, _aSL, _aLC, _ch],
    [1, 1, 1, 1, () => DiffChangeList]
];
var DisassociateApprovalRuleTemplateFromRepositoryInput$ = [3, n0, _DARTFRI,
    0,
    [_aRTN, _rN],
    [0, 0], 2
];
var EvaluatePullRequestApprovalRulesInput$ = [3, n0, _EPRARI,
    0,
    [_pRI, _rI],
    [0, 0], 2
];
var EvaluatePullRequestApprovalRulesOutput$ = [3, n0, _EPRARO,
    0,
    [_ev],
    [() => Evaluation$], 1
];
var Evaluation$ = [3, n0, _E,
    0,
    [_ap, _o, _aRS, _aRNS],
    [2, 2, 64 | 0, 64 | 0]
];
var File$ = [3, n0, _F,
    0,
    [_bI, _aP, _rP, _fMi],
    [0, 0, 0, 0]
];
var FileMetadata$ = [3, n0, _FM,
    0,
    [_aP, _bI, _fMi],
    [0, 0, 0]
];
var FileModes$ = [3, n0, _FMi,
    0,
    [_so, _des, _b],
    [0, 0, 0]
];
var FileSizes$ = [3, n0, _FS,
    0,
    [_so, _des, _b],
    [1, 1, 1]
];
var FileVersion$ = [3, n0, _FV,
    0,
    [_commit, _bI, _p, _rCev],
    [() => Commit$, 0, 0, 64 | 0]
];
var Folder$ = [3, n0, _Fo,
    0,
    [_tI, _aP, _rP],
    [0, 0, 0]
];
var GetApprovalRuleTemplateInput$ = [3, n0, _GARTI,
    0,
    [_aRTN],
    [0], 1
];
var GetApprovalRuleTemplateOutput$ = [3, n0, _GARTO,
    0,
    [_aRT],
    [() => ApprovalRuleTemplate$], 1
];
var GetBlobDifferencesInput$ = [3, n0, _GBDI,
    0,
    [_rN, _aBI, _bBI, _cL, _iW, _MR, _NT],
    [0, 0, 0, 1, 2, 1, 0], 2
];
var GetBlobDifferencesOutput$ = [3, n0, _GBDO,
    0,
    [_h, _iB, _aBS, _bBS, _NT],
    [() => DiffHunkList, 2, 1, 1, 0], 3
];
var GetBlobInput$ = [3, n0, _GBI,
    0,
    [_rN, _bI],
    [0, 0], 2
];
var GetBlobOutput$ = [3, n0, _GBO,
    0,
    [_con],
    [21], 1
];
var GetBranchInput$ = [3, n0, _GBIe,
    0,
    [_rN, _bN],
    [0, 0]
];
var GetBranchOutput$ = [3, n0, _GBOe,
    0,
    [_br],
    [() => BranchInfo$]
];
var GetCommentInput$ = [3, n0, _GCI,
    0,
    [_cIom],
    [0], 1
];
var GetCommentOutput$ = [3, n0, _GCO,
    0,
    [_comme],
    [() => Comment$]
];
var GetCommentReactionsInput$ = [3, n0, _GCRI,
    0,
    [_cIom, _rUA, _nT, _mR],
    [0, 0, 0, 1], 1
];
var GetCommentReactionsOutput$ = [3, n0, _GCRO,
    0,
    [_rFC, _nT],
    [() => ReactionsForCommentList, 0], 1
];
var GetCommentsForComparedCommitInput$ = [3, n0, _GCFCCI,
    0,
    [_rN, _aCI, _bCIe, _nT, _mR],
    [0, 0, 0, 0, 1], 2
];
var GetCommentsForComparedCommitOutput$ = [3, n0, _GCFCCO,
    0,
    [_cFCCD, _nT],
    [() => CommentsForComparedCommitData, 0]
];
var GetCommentsForPullRequestInput$ = [3, n0, _GCFPRI,
    0,
    [_pRI, _rN, _bCIe, _aCI, _nT, _mR],
    [0, 0, 0, 0, 0, 1], 1
];
var GetCommentsForPullRequestOutput$ = [3, n0, _GCFPRO,
    0,
    [_cFPRD, _nT],
    [() => CommentsForPullRequestData, 0]
];
var GetCommitInput$ = [3, n0, _GCIe,
    0,
    [_rN, _cI],
    [0, 0], 2
];
var GetCommitOutput$ = [3, n0, _GCOe,
    0,
    [_commit],
    [() => Commit$], 1
];
var GetDifferencesInput$ = [3, n0, _GDI,
    0,
    [_rN, _aCS, _bCS, _bP, _aPf, _MR, _NT],
    [0, 0, 0, 0, 0, 1, 0], 2
];
var GetDifferencesOutput$ = [3, n0, _GDO,
    0,
    [_di, _NT],
    [() => DifferenceList, 0]
];
var GetFileInput$ = [3, n0, _GFI,
    0,
    [_rN, _fP, _cS],
    [0, 0, 0], 2
];
var GetFileOutput$ = [3, n0, _GFO,
    0,
    [_cI, _bI, _fP, _fMi, _fSi, _fC],
    [0, 0, 0, 0, 1, 21], 6
];
var GetFolderInput$ = [3, n0, _GFIe,
    0,
    [_rN, _fPo, _cS],
    [0, 0, 0], 2
];
var GetFolderOutput$ = [3, n0, _GFOe,
    0,
    [_cI, _fPo, _tI, _sF, _f, _sL, _sM],
    [0, 0, 0, () => FolderList, () => FileList, () => SymbolicLinkList, () => SubModuleList], 2
];
var GetMergeCommitInput$ = [3, n0, _GMCI,
    0,
    [_rN, _sCS, _dCS, _cDL, _cRS],
    [0, 0, 0, 0, 0], 3
];
var GetMergeCommitOutput$ = [3, n0, _GMCO,
    0,
    [_sCI, _dCI, _bCI, _mCI],
    [0, 0, 0, 0]
];
var GetMergeConflictsInput$ = [3, n0, _GMCIe,
    0,
    [_rN, _dCS, _sCS, _mO, _cDL, _mCF, _cRS, _nT],
    [0, 0, 0, 0, 0, 1, 0, 0], 4
];
var GetMergeConflictsOutput$ = [3, n0, _GMCOe,
    0,
    [_me, _dCI, _sCI, _cML, _bCI, _nT],
    [2, 0, 0, () => ConflictMetadataList, 0, 0], 4
];
var GetMergeOptionsInput$ = [3, n0, _GMOI,
    0,
    [_rN, _sCS, _dCS, _cDL, _cRS],
    [0, 0, 0, 0, 0], 3
];
var GetMergeOptionsOutput$ = [3, n0, _GMOO,
    0,
    [_mOer, _sCI, _dCI, _bCI],
    [64 | 0, 0, 0, 0], 4
];
var GetPullRequestApprovalStatesInput$ = [3, n0, _GPRASI,
    0,
    [_pRI, _rI],
    [0, 0], 2
];
var GetPullRequestApprovalStatesOutput$ = [3, n0, _GPRASO,
    0,
    [_app],
    [() => ApprovalList]
];
var GetPullRequestInput$ = [3, n0, _GPRI,
    0,
    [_pRI],
    [0], 1
];
var GetPullRequestOutput$ = [3, n0, _GPRO,
    0,
    [_pR],
    [() => PullRequest$], 1
];
var GetPullRequestOverrideStateInput$ = [3, n0, _GPROSI,
    0,
    [_pRI, _rI],
    [0, 0], 2
];
var GetPullRequestOverrideStateOutput$ = [3, n0, _GPROSO,
    0,
    [_o, _ov],
    [2, 0]
];
var GetRepositoryInput$ = [3, n0, _GRI,
    0,
    [_rN],
    [0], 1
];
var GetRepositoryOutput$ = [3, n0, _GRO,
    0,
    [_rM],
    [() => RepositoryMetadata$]
];
var GetRepositoryTriggersInput$ = [3, n0, _GRTI,
    0,
    [_rN],
    [0], 1
];
var GetRepositoryTriggersOutput$ = [3, n0, _GRTO,
    0,
    [_cIon, _tr],
    [0, () => RepositoryTriggersList]
];
var IsBinaryFile$ = [3, n0, _IBF,
    0,
    [_so, _des, _b],
    [2, 2, 2]
];
var ListApprovalRuleTemplatesInput$ = [3, n0, _LARTI,
    0,
    [_nT, _mR],
    [0, 1]
];
var ListApprovalRuleTemplatesOutput$ = [3, n0, _LARTO,
    0,
    [_aRTNp, _nT],
    [64 | 0, 0]
];
var ListAssociatedApprovalRuleTemplatesForRepositoryInput$ = [3, n0, _LAARTFRI,
    0,
    [_rN, _nT, _mR],
    [0, 0, 1], 1
];
var ListAssociatedApprovalRuleTemplatesForRepositoryOutput$ = [3, n0, _LAARTFRO,
    0,
    [_aRTNp, _nT],
    [64 | 0, 0]
];
var ListBranchesInput$ = [3, n0, _LBI,
    0,
    [_rN, _nT],
    [0, 0], 1
];
var ListBranchesOutput$ = [3, n0, _LBO,
    0,
    [_bra, _nT],
    [64 | 0, 0]
];
var ListFileCommitHistoryRequest$ = [3, n0, _LFCHR,
    0,
    [_rN, _fP, _cS, _mR, _nT],
    [0, 0, 0, 1, 0], 2
];
var ListFileCommitHistoryResponse$ = [3, n0, _LFCHRi,
    0,
    [_rDe, _nT],
    [() => RevisionDag, 0], 1
];
var ListPullRequestsInput$ = [3, n0, _LPRI,
    0,
    [_rN, _aA, _pRS, _nT, _mR],
    [0, 0, 0, 0, 1], 1
];
var ListPullRequestsOutput$ = [3, n0, _LPRO,
    0,
    [_pRIu, _nT],
    [64 | 0, 0], 1
];
var ListRepositoriesForApprovalRuleTemplateInput$ = [3, n0, _LRFARTI,
    0,
    [_aRTN, _nT, _mR],
    [0, 0, 1], 1
];
var ListRepositoriesForApprovalRuleTemplateOutput$ = [3, n0, _LRFARTO,
    0,
    [_rNe, _nT],
    [64 | 0, 0]
];
var ListRepositoriesInput$ = [3, n0, _LRI,
    0,
    [_nT, _sB, _or],
    [0, 0, 0]
];
var ListRepositoriesOutput$ = [3, n0, _LRO,
    0,
    [_r, _nT],
    [() => RepositoryNameIdPairList, 0]
];
var ListTagsForResourceInput$ = [3, n0, _LTFRI,
    0,
    [_rA, _nT],
    [0, 0], 1
];
var ListTagsForResourceOutput$ = [3, n0, _LTFRO,
    0,
    [_tag, _nT],
    [128 | 0, 0]
];
var Location$ = [3, n0, _L,
    0,
    [_fP, _fPil, _rFV],
    [0, 1, 0]
];
var MergeBranchesByFastForwardInput$ = [3, n0, _MBBFFI,
    0,
    [_rN, _sCS, _dCS, _tB],
    [0, 0, 0, 0], 3
];
var MergeBranchesByFastForwardOutput$ = [3, n0, _MBBFFO,
    0,
    [_cI, _tI],
    [0, 0]
];
var MergeBranchesBySquashInput$ = [3, n0, _MBBSI,
    0,
    [_rN, _sCS, _dCS, _tB, _cDL, _cRS, _aN, _em, _cMo, _kEF, _cRo],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, () => ConflictResolution$], 3
];
var MergeBranchesBySquashOutput$ = [3, n0, _MBBSO,
    0,
    [_cI, _tI],
    [0, 0]
];
var MergeBranchesByThreeWayInput$ = [3, n0, _MBBTWI,
    0,
    [_rN, _sCS, _dCS, _tB, _cDL, _cRS, _aN, _em, _cMo, _kEF, _cRo],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 2, () => ConflictResolution$], 3
];
var MergeBranchesByThreeWayOutput$ = [3, n0, _MBBTWO,
    0,
    [_cI, _tI],
    [0, 0]
];
var MergeHunk$ = [3, n0, _MH,
    0,
    [_iC, _so, _des, _b],
    [2, () => MergeHunkDetail$, () => MergeHunkDetail$, () => MergeHunkDetail$]
];
var MergeHunkDetail$ = [3, n0, _MHD,
    0,
    [_sLt, _eL, _hC],
    [1, 1, 0]
];
var MergeMetadata$ = [3, n0, _MM,
    0,
    [_iM, _mB, _mCIe, _mO],
    [2, 0, 0, 0]
];
var MergeOperations$ = [3, n0, _MO,
    0,
    [_so, _des],
    [0, 0]
];
var MergePullRequestByFastForwardInput$ = [3, n0, _MPRBFFI,
    0,
    [_pRI, _rN, _sCI],
    [0, 0, 0], 2
];
var MergePullRequestByFastForwardOutput$ = [3, n0, _MPRBFFO,
    0,
    [_pR],
    [() => PullRequest$]
];
var MergePullRequestBySquashInput$ = [3, n0, _MPRBSI,
    0,
    [_pRI, _rN, _sCI, _cDL, _cRS, _cMo, _aN, _em, _kEF, _cRo],
    [0, 0, 0, 0, 0, 0, 0, 0, 2, () => ConflictResolution$], 2
];
var MergePullRequestBySquashOutput$ = [3, n0, _MPRBSO,
    0,
    [_pR],
    [() => PullRequest$]
];
var MergePullRequestByThreeWayInput$ = [3, n0, _MPRBTWI,
    0,
    [_pRI, _rN, _sCI, _cDL, _cRS, _cMo, _aN, _em, _kEF, _cRo],
    [0, 0, 0, 0, 0, 0, 0, 0, 2, () => ConflictResolution$], 2
];
var MergePullRequestByThreeWayOutput$ = [3, n0, _MPRBTWO,
    0,
    [_pR],
    [() => PullRequest$]
];
var ObjectTypes$ = [3, n0, _OT,
    0,
    [_so, _des, _b],
    [0, 0, 0]
];
var OriginApprovalRuleTemplate$ = [3, n0, _OART,
    0,
    [_aRTI, _aRTN],
    [0, 0]
];
var OverridePullRequestApprovalRulesInput$ = [3, n0, _OPRARI,
    0,
    [_pRI, _rI, _oS],
    [0, 0, 0], 3
];
var PostCommentForComparedCommitInput$ = [3, n0, _PCFCCI,
    0,
    [_rN, _aCI, _con, _bCIe, _l, _cRT],
    [0, 0, 0, 0, () => Location$, [0, 4]], 3
];
var PostCommentForComparedCommitOutput$ = [3, n0, _PCFCCO,
    0,
    [_rN, _bCIe, _aCI, _bBI, _aBI, _l, _comme],
    [0, 0, 0, 0, 0, () => Location$, () => Comment$]
];
var PostCommentForPullRequestInput$ = [3, n0, _PCFPRI,
    0,
    [_pRI, _rN, _bCIe, _aCI, _con, _l, _cRT],
    [0, 0, 0, 0, 0, () => Location$, [0, 4]], 5
];
var PostCommentForPullRequestOutput$ = [3, n0, _PCFPRO,
    0,
    [_rN, _pRI, _bCIe, _aCI, _bBI, _aBI, _l, _comme],
    [0, 0, 0, 0, 0, 0, () => Location$, () => Comment$]
];
var PostCommentReplyInput$ = [3, n0, _PCRI,
    0,
    [_iRT, _con, _cRT],
    [0, 0, [0, 4]], 2
];
var PostCommentReplyOutput$ = [3, n0, _PCRO,
    0,
    [_comme],
    [() => Comment$]
];
var PullRequest$ = [3, n0, _PR,
    0,
    [_pRI, _t, _de, _lAD, _cD, _pRS, _aA, _pRT, _cRT, _rI, _aRp],
    [0, 0, 0, 4, 4, 0, 0, () => PullRequestTargetList, 0, 0, () => ApprovalRulesList]
];
var PullRequestCreatedEventMetadata$ = [3, n0, _PRCEM,
    0,
    [_rN, _sCI, _dCI, _mBe],
    [0, 0, 0, 0]
];
var PullRequestEvent$ = [3, n0, _PREu,
    0,
    [_pRI, _eD, _pRET, _aAc, _pRCEM, _pRSCEM, _pRSRUEM, _pRMSCEM, _aREM, _aSCEM, _aROEM],
    [0, 4, 0, 0, () => PullRequestCreatedEventMetadata$, () => PullRequestStatusChangedEventMetadata$, () => PullRequestSourceReferenceUpdatedEventMetadata$, () => PullRequestMergedStateChangedEventMetadata$, () => ApprovalRuleEventMetadata$, () => ApprovalStateChangedEventMetadata$, () => ApprovalRuleOverriddenEventMetadata$]
];
var PullRequestMergedStateChangedEventMetadata$ = [3, n0, _PRMSCEM,
    0,
    [_rN, _dR, _mM],
    [0, 0, () => MergeMetadata$]
];
var PullRequestSourceReferenceUpdatedEventMetadata$ = [3, n0, _PRSRUEM,
    0,
    [_rN, _bCIe, _aCI, _mBe],
    [0, 0, 0, 0]
];
var PullRequestStatusChangedEventMetadata$ = [3, n0, _PRSCEM,
    0,
    [_pRS],
    [0]
];
var PullRequestTarget$ = [3, n0, _PRT,
    0,
    [_rN, _sR, _dR, _dC, _sC, _mBe, _mM],
    [0, 0, 0, 0, 0, 0, () => MergeMetadata$]
];
var PutCommentReactionInput$ = [3, n0, _PCRIu,
    0,
    [_cIom, _rV],
    [0, 0], 2
];
var PutFileEntry$ = [3, n0, _PFE,
    0,
    [_fP, _fMi, _fC, _sFo],
    [0, 0, 21, () => SourceFileSpecifier$], 1
];
var PutFileInput$ = [3, n0, _PFI,
    0,
    [_rN, _bN, _fC, _fP, _fMi, _pCI, _cMo, _n, _em],
    [0, 0, 21, 0, 0, 0, 0, 0, 0], 4
];
var PutFileOutput$ = [3, n0, _PFO,
    0,
    [_cI, _bI, _tI],
    [0, 0, 0], 3
];
var PutRepositoryTriggersInput$ = [3, n0, _PRTI,
    0,
    [_rN, _tr],
    [0, () => RepositoryTriggersList], 2
];
var PutRepositoryTriggersOutput$ = [3, n0, _PRTO,
    0,
    [_cIon],
    [0]
];
var ReactionForComment$ = [3, n0, _RFC,
    0,
    [_re, _rU, _rFDUC],
    [() => ReactionValueFormats$, 64 | 0, 1]
];
var ReactionValueFormats$ = [3, n0, _RVF,
    0,
    [_emo, _sCh, _u],
    [0, 0, 0]
];
var ReplaceContentEntry$ = [3, n0, _RCE,
    0,
    [_fP, _rT, _con, _fMi],
    [0, 0, 21, 0], 2
];
var RepositoryMetadata$ = [3, n0, _RM,
    0,
    [_aI, _rIe, _rN, _rD, _dBe, _lMD, _cD, _cUH, _cUS, _Ar, _kKI],
    [0, 0, 0, 0, 0, 4, 4, 0, 0, 0, 0]
];
var RepositoryNameIdPair$ = [3, n0, _RNIP,
    0,
    [_rN, _rIe],
    [0, 0]
];
var RepositoryTrigger$ = [3, n0, _RT,
    0,
    [_n, _dA, _eve, _cDu, _bra],
    [0, 0, 64 | 0, 0, 64 | 0], 3
];
var RepositoryTriggerExecutionFailure$ = [3, n0, _RTEF,
    0,
    [_tri, _fMa],
    [0, 0]
];
var SetFileModeEntry$ = [3, n0, _SFME,
    0,
    [_fP, _fMi],
    [0, 0], 2
];
var SourceFileSpecifier$ = [3, n0, _SFS,
    0,
    [_fP, _iMs],
    [0, 2], 1
];
var SubModule$ = [3, n0, _SM,
    0,
    [_cI, _aP, _rP],
    [0, 0, 0]
];
var SymbolicLink$ = [3, n0, _SL,
    0,
    [_bI, _aP, _rP, _fMi],
    [0, 0, 0, 0]
];
var TagResourceInput$ = [3, n0, _TRI,
    0,
    [_rA, _tag],
    [0, 128 | 0], 2
];
var Target$ = [3, n0, _T,
    0,
    [_rN, _sR, _dR],
    [0, 0, 0], 2
];
var TestRepositoryTriggersInput$ = [3, n0, _TRTI,
    0,
    [_rN, _tr],
    [0, () => RepositoryTriggersList], 2
];
var TestRepositoryTriggersOutput$ = [3, n0, _TRTO,
    0,
    [_sE, _fE],
    [64 | 0, () => RepositoryTriggerExecutionFailureList]
];
var UntagResourceInput$ = [3, n0, _URI,
    0,
    [_rA, _tK],
    [0, 64 | 0], 2
];
var UpdateApprovalRuleTemplateContentInput$ = [3, n0, _UARTCI,
    0,
    [_aRTN, _nRC, _eRCS],
    [0, 0, 0], 2
];
var UpdateApprovalRuleTemplateContentOutput$ = [3, n0, _UARTCO,
    0,
    [_aRT],
    [() => ApprovalRuleTemplate$], 1
];
var UpdateApprovalRuleTemplateDescriptionInput$ = [3, n0, _UARTDI,
    0,
    [_aRTN, _aRTD],
    [0, 0], 2
];
var UpdateApprovalRuleTemplateDescriptionOutput$ = [3, n0, _UARTDO,
    0,
    [_aRT],
    [() => ApprovalRuleTemplate$], 1
];
var UpdateApprovalRuleTemplateNameInput$ = [3, n0, _UARTNI,
    0,
    [_oARTN, _nARTN],
    [0, 0], 2
];
var UpdateApprovalRuleTemplateNameOutput$ = [3, n0, _UARTNO,
    0,
    [_aRT],
    [() => ApprovalRuleTemplate$], 1
];
var UpdateCommentInput$ = [3, n0, _UCI,
    0,
    [_cIom, _con],
    [0, 0], 2
];
var UpdateCommentOutput$ = [3, n0, _UCO,
    0,
    [_comme],
    [() => Comment$]
];
var UpdateDefaultBranchInput$ = [3, n0, _UDBI,
    0,
    [_rN, _dBN],
    [0, 0], 2
];
var UpdatePullRequestApprovalRuleContentInput$ = [3, n0, _UPRARCI,
    0,
    [_pRI, _aRN, _nRC, _eRCS],
    [0, 0, 0, 0], 3
];
var UpdatePullRequestApprovalRuleContentOutput$ = [3, n0, _UPRARCO,
    0,
    [_aR],
    [() => ApprovalRule$], 1
];
var UpdatePullRequestApprovalStateInput$ = [3, n0, _UPRASI,
    0,
    [_pRI, _rI, _aS],
    [0, 0, 0], 3
];
var UpdatePullRequestDescriptionInput$ = [3, n0, _UPRDI,
    0,
    [_pRI, _de],
    [0, 0], 2
];
var UpdatePullRequestDescriptionOutput$ = [3, n0, _UPRDO,
    0,
    [_pR],
    [() => PullRequest$], 1
];
var UpdatePullRequestStatusInput$ = [3, n0, _UPRSI,
    0,
    [_pRI, _pRS],
    [0, 0], 2
];
var UpdatePullRequestStatusOutput$ = [3, n0, _UPRSO,
    0,
    [_pR],
    [() => PullRequest$], 1
];
var UpdatePullRequestTitleInput$ = [3, n0, _UPRTI,
    0,
    [_pRI, _t],
    [0, 0], 2
];
var UpdatePullRequestTitleOutput$ = [3, n0, _UPRTO,
    0,
    [_pR],
    [() => PullRequest$], 1
];
var UpdateRepositoryDescriptionInput$ = [3, n0, _URDI,
    0,
    [_rN, _rD],
    [0, 0], 1
];
var UpdateRepositoryEncryptionKeyInput$ = [3, n0, _UREKI,
    0,
    [_rN, _kKI],
    [0, 0], 2
];
var UpdateRepositoryEncryptionKeyOutput$ = [3, n0, _UREKO,
    0,
    [_rIe, _kKI, _oKKI],
    [0, 0, 0]
];
var UpdateRepositoryNameInput$ = [3, n0, _URNI,
    0,
    [_oN, _nN],
    [0, 0], 2
];
var UserInfo$ = [3, n0, _UI,
    0,
    [_n, _em, _da],
    [0, 0, 0]
];
var __Unit = "unit";
var ApprovalList = [1, n0, _AL,
    0, () => Approval$
];
var ApprovalRulesList = [1, n0, _ARL,
    0, () => ApprovalRule$
];
var BatchAssociateApprovalRuleTemplateWithRepositoriesErrorsList = [1, n0, _BAARTWREL,
    0, () => BatchAssociateApprovalRuleTemplateWithRepositoriesError$
];
var BatchDescribeMergeConflictsErrors = [1, n0, _BDMCEa,
    0, () => BatchDescribeMergeConflictsError$
];
var BatchDisassociateApprovalRuleTemplateFromRepositoriesErrorsList = [1, n0, _BDARTFREL,
    0, () => BatchDisassociateApprovalRuleTemplateFromRepositoriesError$
];
var BatchGetCommitsErrorsList = [1, n0, _BGCEL,
    0, () => BatchGetCommitsError$
];
var BatchGetRepositoriesErrorsList = [1, n0, _BGREL,
    0, () => BatchGetRepositoriesError$
];
var Comments = [1, n0, _Com,
    0, () => Comment$
];
var CommentsForComparedCommitData = [1, n0, _CFCCD,
    0, () => CommentsForComparedCommit$
];
var CommentsForPullRequestData = [1, n0, _CFPRD,
    0, () => CommentsForPullRequest$
];
var CommitObjectsList = [1, n0, _COL,
    0, () => Commit$
];
var ConflictMetadataList = [1, n0, _CML,
    0, () => ConflictMetadata$
];
var Conflicts = [1, n0, _Conf,
    0, () => Conflict$
];
var DeleteFileEntries = [1, n0, _DFEe,
    0, () => DeleteFileEntry$
];
var DiffChangeList = [1, n0, _DCL,
    0, () => DiffChange$
];
var DifferenceList = [1, n0, _DL,
    0, () => Difference$
];
var DiffHunkList = [1, n0, _DHL,
    0, () => DiffHunk$
];
var FileList = [1, n0, _FL,
    0, () => File$
];
var FilesMetadata = [1, n0, _FMil,
    0, () => FileMetadata$
];
var FolderList = [1, n0, _FLo,
    0, () => Folder$
];
var MergeHunks = [1, n0, _MHe,
    0, () => MergeHunk$
];
var PullRequestEventList = [1, n0, _PREL,
    0, () => PullRequestEvent$
];
var PullRequestTargetList = [1, n0, _PRTL,
    0, () => PullRequestTarget$
];
var PutFileEntries = [1, n0, _PFEu,
    0, () => PutFileEntry$
];
var ReactionsForCommentList = [1, n0, _RFCL,
    0, () => ReactionForComment$
];
var ReplaceContentEntries = [1, n0, _RCEe,
    0, () => ReplaceContentEntry$
];
var RepositoryMetadataList = [1, n0, _RML,
    0, () => RepositoryMetadata$
];
var RepositoryNameIdPairList = [1, n0, _RNIPL,
    0, () => RepositoryNameIdPair$
];
var RepositoryTriggerExecutionFailureList = [1, n0, _RTEFL,
    0, () => RepositoryTriggerExecutionFailure$
];
var RepositoryTriggersList = [1, n0, _RTL,
    0, () => RepositoryTrigger$
];
var RevisionDag = [1, n0, _RD,
    0, () => FileVersion$
];
var SetFileModeEntries = [1, n0, _SFMEe,
    0, () => SetFileModeEntry$
];
var SubModuleList = [1, n0, _SML,
    0, () => SubModule$
];
var SymbolicLinkList = [1, n0, _SLL,
    0, () => SymbolicLink$
];
var TargetList = [1, n0, _TL,
    0, () => Target$
];
var AssociateApprovalRuleTemplateWithRepository$ = [9, n0, _AARTWR,
    0, () => AssociateApprovalRuleTemplateWithRepositoryInput$, () => __Unit
];
var BatchAssociateApprovalRuleTemplateWithRepositories$ = [9, n0, _BAARTWR,
    0, () => BatchAssociateApprovalRuleTemplateWithRepositoriesInput$, () => BatchAssociateApprovalRuleTemplateWithRepositoriesOutput$
];
var BatchDescribeMergeConflicts$ = [9, n0, _BDMC,
    0, () => BatchDescribeMergeConflictsInput$, () => BatchDescribeMergeConflictsOutput$
];
var BatchDisassociateApprovalRuleTemplateFromRepositories$ = [9, n0, _BDARTFR,
    0, () => BatchDisassociateApprovalRuleTemplateFromRepositoriesInput$, () => BatchDisassociateApprovalRuleTemplateFromRepositoriesOutput$
];
var BatchGetCommits$ = [9, n0, _BGC,
    0, () => BatchGetCommitsInput$, () => BatchGetCommitsOutput$
];
var BatchGetRepositories$ = [9, n0, _BGR,
    0, () => BatchGetRepositoriesInput$, () => BatchGetRepositoriesOutput$
];
var CreateApprovalRuleTemplate$ = [9, n0, _CART,
    0, () => CreateApprovalRuleTemplateInput$, () => CreateApprovalRuleTemplateOutput$
];
var CreateBranch$ = [9, n0, _CB,
    0, () => CreateBranchInput$, () => __Unit
];
var CreateCommit$ = [9, n0, _CC,
    0, () => CreateCommitInput$, () => CreateCommitOutput$
];
var CreatePullRequest$ = [9, n0, _CPR,
    0, () => CreatePullRequestInput$, () => CreatePullRequestOutput$
];
var CreatePullRequestApprovalRule$ = [9, n0, _CPRAR,
    0, () => CreatePullRequestApprovalRuleInput$, () => CreatePullRequestApprovalRuleOutput$
];
var CreateRepository$ = [9, n0, _CRr,
    0, () => CreateRepositoryInput$, () => CreateRepositoryOutput$
];
var CreateUnreferencedMergeCommit$ = [9, n0, _CUMC,
    0, () => CreateUnreferencedMergeCommitInput$, () => CreateUnreferencedMergeCommitOutput$
];
var DeleteApprovalRuleTemplate$ = [9, n0, _DART,
    0, () => DeleteApprovalRuleTemplateInput$, () => DeleteApprovalRuleTemplateOutput$
];
var DeleteBranch$ = [9, n0, _DB,
    0, () => DeleteBranchInput$, () => DeleteBranchOutput$
];
var DeleteCommentContent$ = [9, n0, _DCC,
    0, () => DeleteCommentContentInput$, () => DeleteCommentContentOutput$
];
var DeleteFile$ = [9, n0, _DF,
    0, () => DeleteFileInput$, () => DeleteFileOutput$
];
var DeletePullRequestApprovalRule$ = [9, n0, _DPRAR,
    0, () => DeletePullRequestApprovalRuleInput$, () => DeletePullRequestApprovalRuleOutput$
];
var DeleteRepository$ = [9, n0, _DR,
    0, () => DeleteRepositoryInput$, () => DeleteRepositoryOutput$
];
var DescribeMergeConflicts$ = [9, n0, _DMC,
    0, () => DescribeMergeConflictsInput$, () => DescribeMergeConflictsOutput$
];
var DescribePullRequestEvents$ = [9, n0, _DPRE,
    0, () => DescribePullRequestEventsInput$, () => DescribePullRequestEventsOutput$
];
var DisassociateApprovalRuleTemplateFromRepository$ = [9, n0, _DARTFR,
    0, () => DisassociateApprovalRuleTemplateFromRepositoryInput$, () => __Unit
];
var EvaluatePullRequestApprovalRules$ = [9, n0, _EPRAR,
    0, () => EvaluatePullRequestApprovalRulesInput$, () => EvaluatePullRequestApprovalRulesOutput$
];
var GetApprovalRuleTemplate$ = [9, n0, _GART,
    0, () => GetApprovalRuleTemplateInput$, () => GetApprovalRuleTemplateOutput$
];
var GetBlob$ = [9, n0, _GB,
    0, () => GetBlobInput$, () => GetBlobOutput$
];
var GetBlobDifferences$ = [9, n0, _GBD,
    0, () => GetBlobDifferencesInput$, () => GetBlobDifferencesOutput$
];
var GetBranch$ = [9, n0, _GBe,
    0, () => GetBranchInput$, () => GetBranchOutput$
];
var GetComment$ = [9, n0, _GC,
    0, () => GetCommentInput$, () => GetCommentOutput$
];
var GetCommentReactions$ = [9, n0, _GCR,
    0, () => GetCommentReactionsInput$, () => GetCommentReactionsOutput$
];
var GetCommentsForComparedCommit$ = [9, n0, _GCFCC,
    0, () => GetCommentsForComparedCommitInput$, () => GetCommentsForComparedCommitOutput$
];
var GetCommentsForPullRequest$ = [9, n0, _GCFPR,
    0, () => GetCommentsForPullRequestInput$, () => GetCommentsForPullRequestOutput$
];
var GetCommit$ = [9, n0, _GCe,
    0, () => GetCommitInput$, () => GetCommitOutput$
];
var GetDifferences$ = [9, n0, _GD,
    0, () => GetDifferencesInput$, () => GetDifferencesOutput$
];
var GetFile$ = [9, n0, _GF,
    0, () => GetFileInput$, () => GetFileOutput$
];
var GetFolder$ = [9, n0, _GFe,
    0, () => GetFolderInput$, () => GetFolderOutput$
];
var GetMergeCommit$ = [9, n0, _GMC,
    0, () => GetMergeCommitInput$, () => GetMergeCommitOutput$
];
var GetMergeConflicts$ = [9, n0, _GMCe,
    0, () => GetMergeConflictsInput$, () => GetMergeConflictsOutput$
];
var GetMergeOptions$ = [9, n0, _GMO,
    0, () => GetMergeOptionsInput$, () => GetMergeOptionsOutput$
];
var GetPullRequest$ = [9, n0, _GPR,
    0, () => GetPullRequestInput$, () => GetPullRequestOutput$
];
var GetPullRequestApprovalStates$ = [9, n0, _GPRAS,
    0, () => GetPullRequestApprovalStatesInput$, () => GetPullRequestApprovalStatesOutput$
];
var GetPullRequestOverrideState$ = [9, n0, _GPROS,
    0, () => GetPullRequestOverrideStateInput$, () => GetPullRequestOverrideStateOutput$
];
var GetRepository$ = [9, n0, _GR,
    0, () => GetRepositoryInput$, () => GetRepositoryOutput$
];
var GetRepositoryTriggers$ = [9, n0, _GRT,
    0, () => GetRepositoryTriggersInput$, () => GetRepositoryTriggersOutput$
];
var ListApprovalRuleTemplates$ = [9, n0, _LART,
    0, () => ListApprovalRuleTemplatesInput$, () => ListApprovalRuleTemplatesOutput$
];
var ListAssociatedApprovalRuleTemplatesForRepository$ = [9, n0, _LAARTFR,
    0, () => ListAssociatedApprovalRuleTemplatesForRepositoryInput$, () => ListAssociatedApprovalRuleTemplatesForRepositoryOutput$
];
var ListBranches$ = [9, n0, _LB,
    0, () => ListBranchesInput$, () => ListBranchesOutput$
];
var ListFileCommitHistory$ = [9, n0, _LFCH,
    0, () => ListFileCommitHistoryRequest$, () => ListFileCommitHistoryResponse$
];
var ListPullRequests$ = [9, n0, _LPR,
    0, () => ListPullRequestsInput$, () => ListPullRequestsOutput$
];
var ListRepositories$ = [9, n0, _LR,
    0, () => ListRepositoriesInput$, () => ListRepositoriesOutput$
];
var ListRepositoriesForApprovalRuleTemplate$ = [9, n0, _LRFART,
    0, () => ListRepositoriesForApprovalRuleTemplateInput$, () => ListRepositoriesForApprovalRuleTemplateOutput$
];
var ListTagsForResource$ = [9, n0, _LTFR,
    0, () => ListTagsForResourceInput$, () => ListTagsForResourceOutput$
];
var MergeBranchesByFastForward$ = [9, n0, _MBBFF,
    0, () => MergeBranchesByFastForwardInput$, () => MergeBranchesByFastForwardOutput$
];
var MergeBranchesBySquash$ = [9, n0, _MBBS,
    0, () => MergeBranchesBySquashInput$, () => MergeBranchesBySquashOutput$
];
var MergeBranchesByThreeWay$ = [9, n0, _MBBTW,
    0, () => MergeBranchesByThreeWayInput$, () => MergeBranchesByThreeWayOutput$
];
var MergePullRequestByFastForward$ = [9, n0, _MPRBFF,
    0, () => MergePullRequestByFastForwardInput$, () => MergePullRequestByFastForwardOutput$
];
var MergePullRequestBySquash$ = [9, n0, _MPRBS,
    0, () => MergePullRequestBySquashInput$, () => MergePullRequestBySquashOutput$
];
var MergePullRequestByThreeWay$ = [9, n0, _MPRBTW,
    0, () => MergePullRequestByThreeWayInput$, () => MergePullRequestByThreeWayOutput$
];
var OverridePullRequestApprovalRules$ = [9, n0, _OPRAR,
    0, () => OverridePullRequestApprovalRulesInput$, () => __Unit
];
var PostCommentForComparedCommit$ = [9, n0, _PCFCC,
    2, () => PostCommentForComparedCommitInput$, () => PostCommentForComparedCommitOutput$
];
var PostCommentForPullRequest$ = [9, n0, _PCFPR,
    2, () => PostCommentForPullRequestInput$, () => PostCommentForPullRequestOutput$
];
var PostCommentReply$ = [9, n0, _PCR,
    2, () => PostCommentReplyInput$, () => PostCommentReplyOutput$
];
var PutCommentReaction$ = [9, n0, _PCRu,
    0, () => PutCommentReactionInput$, () => __Unit
];
var PutFile$ = [9, n0, _PF,
    0, () => PutFileInput$, () => PutFileOutput$
];
var PutRepositoryTriggers$ = [9, n0, _PRTu,
    0, () => PutRepositoryTriggersInput$, () => PutRepositoryTriggersOutput$
];
var TagResource$ = [9, n0, _TR,
    0, () => TagResourceInput$, () => __Unit
];
var TestRepositoryTriggers$ = [9, n0, _TRT,
    0, () => TestRepositoryTriggersInput$, () => TestRepositoryTriggersOutput$
];
var UntagResource$ = [9, n0, _UR,
    0, () => UntagResourceInput$, () => __Unit
];
var UpdateApprovalRuleTemplateContent$ = [9, n0, _UARTC,
    0, () => UpdateApprovalRuleTemplateContentInput$, () => UpdateApprovalRuleTemplateContentOutput$
];
var UpdateApprovalRuleTemplateDescription$ = [9, n0, _UARTD,
    0, () => UpdateApprovalRuleTemplateDescriptionInput$, () => UpdateApprovalRuleTemplateDescriptionOutput$
];
var UpdateApprovalRuleTemplateName$ = [9, n0, _UARTN,
    0, () => UpdateApprovalRuleTemplateNameInput$, () => UpdateApprovalRuleTemplateNameOutput$
];
var UpdateComment$ = [9, n0, _UC,
    0, () => UpdateCommentInput$, () => UpdateCommentOutput$
];
var UpdateDefaultBranch$ = [9, n0, _UDB,
    0, () => UpdateDefaultBranchInput$, () => __Unit
];
var UpdatePullRequestApprovalRuleContent$ = [9, n0, _UPRARC,
    0, () => UpdatePullRequestApprovalRuleContentInput$, () => UpdatePullRequestApprovalRuleContentOutput$
];
var UpdatePullRequestApprovalState$ = [9, n0, _UPRAS,
    0, () => UpdatePullRequestApprovalStateInput$, () => __Unit
];
var UpdatePullRequestDescription$ = [9, n0, _UPRD,
    0, () => UpdatePullRequestDescriptionInput$, () => UpdatePullRequestDescriptionOutput$
];
var UpdatePullRequestStatus$ = [9, n0, _UPRS,
    0, () => UpdatePullRequestStatusInput$, () => UpdatePullRequestStatusOutput$
];
var UpdatePullRequestTitle$ = [9, n0, _UPRT,
    0, () => UpdatePullRequestTitleInput$, () => UpdatePullRequestTitleOutput$
];
var UpdateRepositoryDescription$ = [9, n0, _URD,
    0, () => UpdateRepositoryDescriptionInput$, () => __Unit
];
var UpdateRepositoryEncryptionKey$ = [9, n0, _UREK,
    0, () => UpdateRepositoryEncryptionKeyInput$, () => UpdateRepositoryEncryptionKeyOutput$
];
var UpdateRepositoryName$ = [9, n0, _URN,
    0, () => UpdateRepositoryNameInput$, () => __Unit
];

const getRuntimeConfig$1 = (config) => {
    return {
        apiVersion: "2015-04-13",
        base64Decoder: config?.base64Decoder ?? fromBase64,
        base64Encoder: config?.base64Encoder ?? toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultCodeCommitHttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new AwsSdkSigV4Signer(),
            },
        ],
        logger: config?.logger ?? new NoOpLogger(),
        protocol: config?.protocol ?? AwsJson1_1Protocol,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.codecommit",
            errorTypeRegistries,
            xmlNamespace: "http://codecommit.amazonaws.com/doc/2015-04-13",
            version: "2015-04-13",
            serviceTarget: "CodeCommit_20150413",
        },
        serviceId: config?.serviceId ?? "CodeCommit",
        sha256: config?.sha256 ?? Sha256,
        urlParser: config?.urlParser ?? parseUrl,
        utf8Decoder: config?.utf8Decoder ?? fromUtf8,
        utf8Encoder: config?.utf8Encoder ?? toUtf8,
    };
};

const getRuntimeConfig = (config) => {
    emitWarningIfUnsupportedVersion(process.version);
    const defaultsMode = resolveDefaultsModeConfig(config);
    const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
    const clientSharedValues = getRuntimeConfig$1(config);
    emitWarningIfUnsupportedVersion$1(process.version);
    const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger,
    };
    return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider,
        defaultSocketTimeout: getDefaultSocketTimeout(config?.requestHandler, 300_000),
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: packageInfo.version }),
        maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
        region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
        requestHandler: NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
        retryMode: config?.retryMode ??
            loadConfig({
                ...NODE_RETRY_MODE_CONFIG_OPTIONS,
                default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE,
            }, config),
        streamCollector: config?.streamCollector ?? streamCollector,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig),
    };
};

const getHttpAuthExtensionConfiguration = (runtimeConfig) => {
    const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
    let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
    let _credentials = runtimeConfig.credentials;
    return {
        setHttpAuthScheme(httpAuthScheme) {
            const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
            if (index === -1) {
                _httpAuthSchemes.push(httpAuthScheme);
            }
            else {
                _httpAuthSchemes.splice(index, 1, httpAuthScheme);
            }
        },
        httpAuthSchemes() {
            return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
            _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
            return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
            _credentials = credentials;
        },
        credentials() {
            return _credentials;
        },
    };
};
const resolveHttpAuthRuntimeConfig = (config) => {
    return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials(),
    };
};

const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
    const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
    extensions.forEach((extension) => extension.configure(extensionConfiguration));
    return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

class CodeCommitClient extends Client {
    config;
    constructor(...[configuration]) {
        const _config_0 = getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = resolveClientEndpointParameters(_config_0);
        const _config_2 = resolveUserAgentConfig(_config_1);
        const _config_3 = resolveRetryConfig(_config_2);
        const _config_4 = resolveRegionConfig(_config_3);
        const _config_5 = resolveHostHeaderConfig(_config_4);
        const _config_6 = resolveEndpointConfig(_config_5);
        const _config_7 = resolveHttpAuthSchemeConfig(_config_6);
        const _config_8 = resolveRuntimeExtensions(_config_7, configuration?.extensions || []);
        this.config = _config_8;
        this.middlewareStack.use(getSchemaSerdePlugin(this.config));
        this.middlewareStack.use(getUserAgentPlugin(this.config));
        this.middlewareStack.use(getRetryPlugin(this.config));
        this.middlewareStack.use(getContentLengthPlugin(this.config));
        this.middlewareStack.use(getHostHeaderPlugin(this.config));
        this.middlewareStack.use(getLoggerPlugin(this.config));
        this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
        this.middlewareStack.use(getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
            httpAuthSchemeParametersProvider: defaultCodeCommitHttpAuthSchemeParametersProvider,
            identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
                "aws.auth#sigv4": config.credentials,
            }),
        }));
        this.middlewareStack.use(getHttpSigningPlugin(this.config));
    }
    destroy() {
        super.destroy();
    }
}

const command = makeBuilder(commonParams, "CodeCommit_20150413", "CodeCommitClient", getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [];

class AssociateApprovalRuleTemplateWithRepositoryCommand extends command(_ep0, _mw0, "AssociateApprovalRuleTemplateWithRepository", AssociateApprovalRuleTemplateWithRepository$) {
}

class BatchAssociateApprovalRuleTemplateWithRepositoriesCommand extends command(_ep0, _mw0, "BatchAssociateApprovalRuleTemplateWithRepositories", BatchAssociateApprovalRuleTemplateWithRepositories$) {
}

class BatchDescribeMergeConflictsCommand extends command(_ep0, _mw0, "BatchDescribeMergeConflicts", BatchDescribeMergeConflicts$) {
}

class BatchDisassociateApprovalRuleTemplateFromRepositoriesCommand extends command(_ep0, _mw0, "BatchDisassociateApprovalRuleTemplateFromRepositories", BatchDisassociateApprovalRuleTemplateFromRepositories$) {
}

class BatchGetCommitsCommand extends command(_ep0, _mw0, "BatchGetCommits", BatchGetCommits$) {
}

class BatchGetRepositoriesCommand extends command(_ep0, _mw0, "BatchGetRepositories", BatchGetRepositories$) {
}

class CreateApprovalRuleTemplateCommand extends command(_ep0, _mw0, "CreateApprovalRuleTemplate", CreateApprovalRuleTemplate$) {
}

class CreateBranchCommand extends command(_ep0, _mw0, "CreateBranch", CreateBranch$) {
}

class CreateCommitCommand extends command(_ep0, _mw0, "CreateCommit", CreateCommit$) {
}

class CreatePullRequestApprovalRuleCommand extends command(_ep0, _mw0, "CreatePullRequestApprovalRule", CreatePullRequestApprovalRule$) {
}

class CreatePullRequestCommand extends command(_ep0, _mw0, "CreatePullRequest", CreatePullRequest$) {
}

class CreateRepositoryCommand extends command(_ep0, _mw0, "CreateRepository", CreateRepository$) {
}

class CreateUnreferencedMergeCommitCommand extends command(_ep0, _mw0, "CreateUnreferencedMergeCommit", CreateUnreferencedMergeCommit$) {
}

class DeleteApprovalRuleTemplateCommand extends command(_ep0, _mw0, "DeleteApprovalRuleTemplate", DeleteApprovalRuleTemplate$) {
}

class DeleteBranchCommand extends command(_ep0, _mw0, "DeleteBranch", DeleteBranch$) {
}

class DeleteCommentContentCommand extends command(_ep0, _mw0, "DeleteCommentContent", DeleteCommentContent$) {
}

class DeleteFileCommand extends command(_ep0, _mw0, "DeleteFile", DeleteFile$) {
}

class DeletePullRequestApprovalRuleCommand extends command(_ep0, _mw0, "DeletePullRequestApprovalRule", DeletePullRequestApprovalRule$) {
}

class DeleteRepositoryCommand extends command(_ep0, _mw0, "DeleteRepository", DeleteRepository$) {
}

class DescribeMergeConflictsCommand extends command(_ep0, _mw0, "DescribeMergeConflicts", DescribeMergeConflicts$) {
}

class DescribePullRequestEventsCommand extends command(_ep0, _mw0, "DescribePullRequestEvents", DescribePullRequestEvents$) {
}

class DisassociateApprovalRuleTemplateFromRepositoryCommand extends command(_ep0, _mw0, "DisassociateApprovalRuleTemplateFromRepository", DisassociateApprovalRuleTemplateFromRepository$) {
}

class EvaluatePullRequestApprovalRulesCommand extends command(_ep0, _mw0, "EvaluatePullRequestApprovalRules", EvaluatePullRequestApprovalRules$) {
}

class GetApprovalRuleTemplateCommand extends command(_ep0, _mw0, "GetApprovalRuleTemplate", GetApprovalRuleTemplate$) {
}

class GetBlobCommand extends command(_ep0, _mw0, "GetBlob", GetBlob$) {
}

class GetBlobDifferencesCommand extends command(_ep0, _mw0, "GetBlobDifferences", GetBlobDifferences$) {
}

class GetBranchCommand extends command(_ep0, _mw0, "GetBranch", GetBranch$) {
}

class GetCommentCommand extends command(_ep0, _mw0, "GetComment", GetComment$) {
}

class GetCommentReactionsCommand extends command(_ep0, _mw0, "GetCommentReactions", GetCommentReactions$) {
}

class GetCommentsForComparedCommitCommand extends command(_ep0, _mw0, "GetCommentsForComparedCommit", GetCommentsForComparedCommit$) {
}

class GetCommentsForPullRequestCommand extends command(_ep0, _mw0, "GetCommentsForPullRequest", GetCommentsForPullRequest$) {
}

class GetCommitCommand extends command(_ep0, _mw0, "GetCommit", GetCommit$) {
}

class GetDifferencesCommand extends command(_ep0, _mw0, "GetDifferences", GetDifferences$) {
}

class GetFileCommand extends command(_ep0, _mw0, "GetFile", GetFile$) {
}

class GetFolderCommand extends command(_ep0, _mw0, "GetFolder", GetFolder$) {
}

class GetMergeCommitCommand extends command(_ep0, _mw0, "GetMergeCommit", GetMergeCommit$) {
}

class GetMergeConflictsCommand extends command(_ep0, _mw0, "GetMergeConflicts", GetMergeConflicts$) {
}

class GetMergeOptionsCommand extends command(_ep0, _mw0, "GetMergeOptions", GetMergeOptions$) {
}

class GetPullRequestApprovalStatesCommand extends command(_ep0, _mw0, "GetPullRequestApprovalStates", GetPullRequestApprovalStates$) {
}

class GetPullRequestCommand extends command(_ep0, _mw0, "GetPullRequest", GetPullRequest$) {
}

class GetPullRequestOverrideStateCommand extends command(_ep0, _mw0, "GetPullRequestOverrideState", GetPullRequestOverrideState$) {
}

class GetRepositoryCommand extends command(_ep0, _mw0, "GetRepository", GetRepository$) {
}

class GetRepositoryTriggersCommand extends command(_ep0, _mw0, "GetRepositoryTriggers", GetRepositoryTriggers$) {
}

class ListApprovalRuleTemplatesCommand extends command(_ep0, _mw0, "ListApprovalRuleTemplates", ListApprovalRuleTemplates$) {
}

class ListAssociatedApprovalRuleTemplatesForRepositoryCommand extends command(_ep0, _mw0, "ListAssociatedApprovalRuleTemplatesForRepository", ListAssociatedApprovalRuleTemplatesForRepository$) {
}

class ListBranchesCommand extends command(_ep0, _mw0, "ListBranches", ListBranches$) {
}

class ListFileCommitHistoryCommand extends command(_ep0, _mw0, "ListFileCommitHistory", ListFileCommitHistory$) {
}

class ListPullRequestsCommand extends command(_ep0, _mw0, "ListPullRequests", ListPullRequests$) {
}

class ListRepositoriesCommand extends command(_ep0, _mw0, "ListRepositories", ListRepositories$) {
}

class ListRepositoriesForApprovalRuleTemplateCommand extends command(_ep0, _mw0, "ListRepositoriesForApprovalRuleTemplate", ListRepositoriesForApprovalRuleTemplate$) {
}

class ListTagsForResourceCommand extends command(_ep0, _mw0, "ListTagsForResource", ListTagsForResource$) {
}

class MergeBranchesByFastForwardCommand extends command(_ep0, _mw0, "MergeBranchesByFastForward", MergeBranchesByFastForward$) {
}

class MergeBranchesBySquashCommand extends command(_ep0, _mw0, "MergeBranchesBySquash", MergeBranchesBySquash$) {
}

class MergeBranchesByThreeWayCommand extends command(_ep0, _mw0, "MergeBranchesByThreeWay", MergeBranchesByThreeWay$) {
}

class MergePullRequestByFastForwardCommand extends command(_ep0, _mw0, "MergePullRequestByFastForward", MergePullRequestByFastForward$) {
}

class MergePullRequestBySquashCommand extends command(_ep0, _mw0, "MergePullRequestBySquash", MergePullRequestBySquash$) {
}

class MergePullRequestByThreeWayCommand extends command(_ep0, _mw0, "MergePullRequestByThreeWay", MergePullRequestByThreeWay$) {
}

class OverridePullRequestApprovalRulesCommand extends command(_ep0, _mw0, "OverridePullRequestApprovalRules", OverridePullRequestApprovalRules$) {
}

class PostCommentForComparedCommitCommand extends command(_ep0, _mw0, "PostCommentForComparedCommit", PostCommentForComparedCommit$) {
}

class PostCommentForPullRequestCommand extends command(_ep0, _mw0, "PostCommentForPullRequest", PostCommentForPullRequest$) {
}

class PostCommentReplyCommand extends command(_ep0, _mw0, "PostCommentReply", PostCommentReply$) {
}

class PutCommentReactionCommand extends command(_ep0, _mw0, "PutCommentReaction", PutCommentReaction$) {
}

class PutFileCommand extends command(_ep0, _mw0, "PutFile", PutFile$) {
}

class PutRepositoryTriggersCommand extends command(_ep0, _mw0, "PutRepositoryTriggers", PutRepositoryTriggers$) {
}

class TagResourceCommand extends command(_ep0, _mw0, "TagResource", TagResource$) {
}

class TestRepositoryTriggersCommand extends command(_ep0, _mw0, "TestRepositoryTriggers", TestRepositoryTriggers$) {
}

class UntagResourceCommand extends command(_ep0, _mw0, "UntagResource", UntagResource$) {
}

class UpdateApprovalRuleTemplateContentCommand extends command(_ep0, _mw0, "UpdateApprovalRuleTemplateContent", UpdateApprovalRuleTemplateContent$) {
}

class UpdateApprovalRuleTemplateDescriptionCommand extends command(_ep0, _mw0, "UpdateApprovalRuleTemplateDescription", UpdateApprovalRuleTemplateDescription$) {
}

class UpdateApprovalRuleTemplateNameCommand extends command(_ep0, _mw0, "UpdateApprovalRuleTemplateName", UpdateApprovalRuleTemplateName$) {
}

class UpdateCommentCommand extends command(_ep0, _mw0, "UpdateComment", UpdateComment$) {
}

class UpdateDefaultBranchCommand extends command(_ep0, _mw0, "UpdateDefaultBranch", UpdateDefaultBranch$) {
}

class UpdatePullRequestApprovalRuleContentCommand extends command(_ep0, _mw0, "UpdatePullRequestApprovalRuleContent", UpdatePullRequestApprovalRuleContent$) {
}

class UpdatePullRequestApprovalStateCommand extends command(_ep0, _mw0, "UpdatePullRequestApprovalState", UpdatePullRequestApprovalState$) {
}

class UpdatePullRequestDescriptionCommand extends command(_ep0, _mw0, "UpdatePullRequestDescription", UpdatePullRequestDescription$) {
}

class UpdatePullRequestStatusCommand extends command(_ep0, _mw0, "UpdatePullRequestStatus", UpdatePullRequestStatus$) {
}

class UpdatePullRequestTitleCommand extends command(_ep0, _mw0, "UpdatePullRequestTitle", UpdatePullRequestTitle$) {
}

class UpdateRepositoryDescriptionCommand extends command(_ep0, _mw0, "UpdateRepositoryDescription", UpdateRepositoryDescription$) {
}

class UpdateRepositoryEncryptionKeyCommand extends command(_ep0, _mw0, "UpdateRepositoryEncryptionKey", UpdateRepositoryEncryptionKey$) {
}

class UpdateRepositoryNameCommand extends command(_ep0, _mw0, "UpdateRepositoryName", UpdateRepositoryName$) {
}

const paginateDescribeMergeConflicts = createPaginator(CodeCommitClient, DescribeMergeConflictsCommand, "nextToken", "nextToken", "maxMergeHunks");

const paginateDescribePullRequestEvents = createPaginator(CodeCommitClient, DescribePullRequestEventsCommand, "nextToken", "nextToken", "maxResults");

const paginateGetBlobDifferences = createPaginator(CodeCommitClient, GetBlobDifferencesCommand, "NextToken", "NextToken", "MaxResults");

const paginateGetCommentReactions = createPaginator(CodeCommitClient, GetCommentReactionsCommand, "nextToken", "nextToken", "maxResults");

const paginateGetCommentsForComparedCommit = createPaginator(CodeCommitClient, GetCommentsForComparedCommitCommand, "nextToken", "nextToken", "maxResults");

const paginateGetCommentsForPullRequest = createPaginator(CodeCommitClient, GetCommentsForPullRequestCommand, "nextToken", "nextToken", "maxResults");

const paginateGetDifferences = createPaginator(CodeCommitClient, GetDifferencesCommand, "NextToken", "NextToken", "MaxResults");

const paginateGetMergeConflicts = createPaginator(CodeCommitClient, GetMergeConflictsCommand, "nextToken", "nextToken", "maxConflictFiles");

const paginateListApprovalRuleTemplates = createPaginator(CodeCommitClient, ListApprovalRuleTemplatesCommand, "nextToken", "nextToken", "maxResults");

const paginateListAssociatedApprovalRuleTemplatesForRepository = createPaginator(CodeCommitClient, ListAssociatedApprovalRuleTemplatesForRepositoryCommand, "nextToken", "nextToken", "maxResults");

const paginateListBranches = createPaginator(CodeCommitClient, ListBranchesCommand, "nextToken", "nextToken", "");

const paginateListFileCommitHistory = createPaginator(CodeCommitClient, ListFileCommitHistoryCommand, "nextToken", "nextToken", "maxResults");

const paginateListPullRequests = createPaginator(CodeCommitClient, ListPullRequestsCommand, "nextToken", "nextToken", "maxResults");

const paginateListRepositoriesForApprovalRuleTemplate = createPaginator(CodeCommitClient, ListRepositoriesForApprovalRuleTemplateCommand, "nextToken", "nextToken", "maxResults");

const paginateListRepositories = createPaginator(CodeCommitClient, ListRepositoriesCommand, "nextToken", "nextToken", "");

const commands = {
    AssociateApprovalRuleTemplateWithRepositoryCommand,
    BatchAssociateApprovalRuleTemplateWithRepositoriesCommand,
    BatchDescribeMergeConflictsCommand,
    BatchDisassociateApprovalRuleTemplateFromRepositoriesCommand,
    BatchGetCommitsCommand,
    BatchGetRepositoriesCommand,
    CreateApprovalRuleTemplateCommand,
    CreateBranchCommand,
    CreateCommitCommand,
    CreatePullRequestCommand,
    CreatePullRequestApprovalRuleCommand,
    CreateRepositoryCommand,
    CreateUnreferencedMergeCommitCommand,
    DeleteApprovalRuleTemplateCommand,
    DeleteBranchCommand,
    DeleteCommentContentCommand,
    DeleteFileCommand,
    DeletePullRequestApprovalRuleCommand,
    DeleteRepositoryCommand,
    DescribeMergeConflictsCommand,
    DescribePullRequestEventsCommand,
    DisassociateApprovalRuleTemplateFromRepositoryCommand,
    EvaluatePullRequestApprovalRulesCommand,
    GetApprovalRuleTemplateCommand,
    GetBlobCommand,
    GetBlobDifferencesCommand,
    GetBranchCommand,
    GetCommentCommand,
    GetCommentReactionsCommand,
    GetCommentsForComparedCommitCommand,
    GetCommentsForPullRequestCommand,
    GetCommitCommand,
    GetDifferencesCommand,
    GetFileCommand,
    GetFolderCommand,
    GetMergeCommitCommand,
    GetMergeConflictsCommand,
    GetMergeOptionsCommand,
    GetPullRequestCommand,
    GetPullRequestApprovalStatesCommand,
    GetPullRequestOverrideStateCommand,
    GetRepositoryCommand,
    GetRepositoryTriggersCommand,
    ListApprovalRuleTemplatesCommand,
    ListAssociatedApprovalRuleTemplatesForRepositoryCommand,
    ListBranchesCommand,
    ListFileCommitHistoryCommand,
    ListPullRequestsCommand,
    ListRepositoriesCommand,
    ListRepositoriesForApprovalRuleTemplateCommand,
    ListTagsForResourceCommand,
    MergeBranchesByFastForwardCommand,
    MergeBranchesBySquashCommand,
    MergeBranchesByThreeWayCommand,
    MergePullRequestByFastForwardCommand,
    MergePullRequestBySquashCommand,
    MergePullRequestByThreeWayCommand,
    OverridePullRequestApprovalRulesCommand,
    PostCommentForComparedCommitCommand,
    PostCommentForPullRequestCommand,
    PostCommentReplyCommand,
    PutCommentReactionCommand,
    PutFileCommand,
    PutRepositoryTriggersCommand,
    TagResourceCommand,
    TestRepositoryTriggersCommand,
    UntagResourceCommand,
    UpdateApprovalRuleTemplateContentCommand,
    UpdateApprovalRuleTemplateDescriptionCommand,
    UpdateApprovalRuleTemplateNameCommand,
    UpdateCommentCommand,
    UpdateDefaultBranchCommand,
    UpdatePullRequestApprovalRuleContentCommand,
    UpdatePullRequestApprovalStateCommand,
    UpdatePullRequestDescriptionCommand,
    UpdatePullRequestStatusCommand,
    UpdatePullRequestTitleCommand,
    UpdateRepositoryDescriptionCommand,
    UpdateRepositoryEncryptionKeyCommand,
    UpdateRepositoryNameCommand,
};
const paginators = {
    paginateDescribeMergeConflicts,
    paginateDescribePullRequestEvents,
    paginateGetBlobDifferences,
    paginateGetCommentReactions,
    paginateGetCommentsForComparedCommit,
    paginateGetCommentsForPullRequest,
    paginateGetDifferences,
    paginateGetMergeConflicts,
    paginateListApprovalRuleTemplates,
    paginateListAssociatedApprovalRuleTemplatesForRepository,
    paginateListBranches,
    paginateListFileCommitHistory,
    paginateListPullRequests,
    paginateListRepositories,
    paginateListRepositoriesForApprovalRuleTemplate,
};
class CodeCommit extends CodeCommitClient {
}
createAggregatedClient(commands, CodeCommit, { paginators });

const ApprovalState = {
    APPROVE: "APPROVE",
    REVOKE: "REVOKE",
};
const OverrideStatus = {
    OVERRIDE: "OVERRIDE",
    REVOKE: "REVOKE",
};
const ConflictDetailLevelTypeEnum = {
    FILE_LEVEL: "FILE_LEVEL",
    LINE_LEVEL: "LINE_LEVEL",
};
const ConflictResolutionStrategyTypeEnum = {
    ACCEPT_DESTINATION: "ACCEPT_DESTINATION",
    ACCEPT_SOURCE: "ACCEPT_SOURCE",
    AUTOMERGE: "AUTOMERGE",
    NONE: "NONE",
};
const MergeOptionTypeEnum = {
    FAST_FORWARD_MERGE: "FAST_FORWARD_MERGE",
    SQUASH_MERGE: "SQUASH_MERGE",
    THREE_WAY_MERGE: "THREE_WAY_MERGE",
};
const FileModeTypeEnum = {
    EXECUTABLE: "EXECUTABLE",
    NORMAL: "NORMAL",
    SYMLINK: "SYMLINK",
};
const ChangeTypeEnum = {
    ADDED: "A",
    DELETED: "D",
    MODIFIED: "M",
};
const ObjectTypeEnum = {
    DIRECTORY: "DIRECTORY",
    FILE: "FILE",
    GIT_LINK: "GIT_LINK",
    SYMBOLIC_LINK: "SYMBOLIC_LINK",
};
const BatchGetRepositoriesErrorCodeEnum = {
    ENCRYPTION_INTEGRITY_CHECKS_FAILED_EXCEPTION: "EncryptionIntegrityChecksFailedException",
    ENCRYPTION_KEY_ACCESS_DENIED_EXCEPTION: "EncryptionKeyAccessDeniedException",
    ENCRYPTION_KEY_DISABLED_EXCEPTION: "EncryptionKeyDisabledException",
    ENCRYPTION_KEY_NOT_FOUND_EXCEPTION: "EncryptionKeyNotFoundException",
    ENCRYPTION_KEY_UNAVAILABLE_EXCEPTION: "EncryptionKeyUnavailableException",
    REPOSITORY_DOES_NOT_EXIST_EXCEPTION: "RepositoryDoesNotExistException",
};
const PullRequestStatusEnum = {
    CLOSED: "CLOSED",
    OPEN: "OPEN",
};
const ReplacementTypeEnum = {
    KEEP_BASE: "KEEP_BASE",
    KEEP_DESTINATION: "KEEP_DESTINATION",
    KEEP_SOURCE: "KEEP_SOURCE",
    USE_NEW_CONTENT: "USE_NEW_CONTENT",
};
const PullRequestEventType = {
    PULL_REQUEST_APPROVAL_RULE_CREATED: "PULL_REQUEST_APPROVAL_RULE_CREATED",
    PULL_REQUEST_APPROVAL_RULE_DELETED: "PULL_REQUEST_APPROVAL_RULE_DELETED",
    PULL_REQUEST_APPROVAL_RULE_OVERRIDDEN: "PULL_REQUEST_APPROVAL_RULE_OVERRIDDEN",
    PULL_REQUEST_APPROVAL_RULE_UPDATED: "PULL_REQUEST_APPROVAL_RULE_UPDATED",
    PULL_REQUEST_APPROVAL_STATE_CHANGED: "PULL_REQUEST_APPROVAL_STATE_CHANGED",
    PULL_REQUEST_CREATED: "PULL_REQUEST_CREATED",
    PULL_REQUEST_MERGE_STATE_CHANGED: "PULL_REQUEST_MERGE_STATE_CHANGED",
    PULL_REQUEST_SOURCE_REFERENCE_UPDATED: "PULL_REQUEST_SOURCE_REFERENCE_UPDATED",
    PULL_REQUEST_STATUS_CHANGED: "PULL_REQUEST_STATUS_CHANGED",
};
const DiffChangeType = {
    ADD: "ADD",
    CONTEXT: "CONTEXT",
    DELETE: "DELETE",
};
const RelativeFileVersionEnum = {
    AFTER: "AFTER",
    BEFORE: "BEFORE",
};
const RepositoryTriggerEventEnum = {
    ALL: "all",
    CREATE_REFERENCE: "createReference",
    DELETE_REFERENCE: "deleteReference",
    UPDATE_REFERENCE: "updateReference",
};
const OrderEnum = {
    ASCENDING: "ascending",
    DESCENDING: "descending",
};
const SortByEnum = {
    MODIFIED_DATE: "lastModifiedDate",
    REPOSITORY_NAME: "repositoryName",
};

__webpack_unused_export__ = ActorDoesNotExistException;
__webpack_unused_export__ = ActorDoesNotExistException$;
__webpack_unused_export__ = Approval$;
__webpack_unused_export__ = ApprovalRule$;
__webpack_unused_export__ = ApprovalRuleContentRequiredException;
__webpack_unused_export__ = ApprovalRuleContentRequiredException$;
__webpack_unused_export__ = ApprovalRuleDoesNotExistException;
__webpack_unused_export__ = ApprovalRuleDoesNotExistException$;
__webpack_unused_export__ = ApprovalRuleEventMetadata$;
__webpack_unused_export__ = ApprovalRuleNameAlreadyExistsException;
__webpack_unused_export__ = ApprovalRuleNameAlreadyExistsException$;
__webpack_unused_export__ = ApprovalRuleNameRequiredException;
__webpack_unused_export__ = ApprovalRuleNameRequiredException$;
__webpack_unused_export__ = ApprovalRuleOverriddenEventMetadata$;
__webpack_unused_export__ = ApprovalRuleTemplate$;
__webpack_unused_export__ = ApprovalRuleTemplateContentRequiredException;
__webpack_unused_export__ = ApprovalRuleTemplateContentRequiredException$;
__webpack_unused_export__ = ApprovalRuleTemplateDoesNotExistException;
__webpack_unused_export__ = ApprovalRuleTemplateDoesNotExistException$;
__webpack_unused_export__ = ApprovalRuleTemplateInUseException;
__webpack_unused_export__ = ApprovalRuleTemplateInUseException$;
__webpack_unused_export__ = ApprovalRuleTemplateNameAlreadyExistsException;
__webpack_unused_export__ = ApprovalRuleTemplateNameAlreadyExistsException$;
__webpack_unused_export__ = ApprovalRuleTemplateNameRequiredException;
__webpack_unused_export__ = ApprovalRuleTemplateNameRequiredException$;
__webpack_unused_export__ = ApprovalState;
__webpack_unused_export__ = ApprovalStateChangedEventMetadata$;
__webpack_unused_export__ = ApprovalStateRequiredException;
__webpack_unused_export__ = ApprovalStateRequiredException$;
__webpack_unused_export__ = AssociateApprovalRuleTemplateWithRepository$;
__webpack_unused_export__ = AssociateApprovalRuleTemplateWithRepositoryCommand;
__webpack_unused_export__ = AssociateApprovalRuleTemplateWithRepositoryInput$;
__webpack_unused_export__ = AuthorDoesNotExistException;
__webpack_unused_export__ = AuthorDoesNotExistException$;
__webpack_unused_export__ = BatchAssociateApprovalRuleTemplateWithRepositories$;
__webpack_unused_export__ = BatchAssociateApprovalRuleTemplateWithRepositoriesCommand;
__webpack_unused_export__ = BatchAssociateApprovalRuleTemplateWithRepositoriesError$;
__webpack_unused_export__ = BatchAssociateApprovalRuleTemplateWithRepositoriesInput$;
__webpack_unused_export__ = BatchAssociateApprovalRuleTemplateWithRepositoriesOutput$;
__webpack_unused_export__ = BatchDescribeMergeConflicts$;
__webpack_unused_export__ = BatchDescribeMergeConflictsCommand;
__webpack_unused_export__ = BatchDescribeMergeConflictsError$;
__webpack_unused_export__ = BatchDescribeMergeConflictsInput$;
__webpack_unused_export__ = BatchDescribeMergeConflictsOutput$;
__webpack_unused_export__ = BatchDisassociateApprovalRuleTemplateFromRepositories$;
__webpack_unused_export__ = BatchDisassociateApprovalRuleTemplateFromRepositoriesCommand;
__webpack_unused_export__ = BatchDisassociateApprovalRuleTemplateFromRepositoriesError$;
__webpack_unused_export__ = BatchDisassociateApprovalRuleTemplateFromRepositoriesInput$;
__webpack_unused_export__ = BatchDisassociateApprovalRuleTemplateFromRepositoriesOutput$;
__webpack_unused_export__ = BatchGetCommits$;
__webpack_unused_export__ = BatchGetCommitsCommand;
__webpack_unused_export__ = BatchGetCommitsError$;
__webpack_unused_export__ = BatchGetCommitsInput$;
__webpack_unused_export__ = BatchGetCommitsOutput$;
__webpack_unused_export__ = BatchGetRepositories$;
__webpack_unused_export__ = BatchGetRepositoriesCommand;
__webpack_unused_export__ = BatchGetRepositoriesError$;
__webpack_unused_export__ = BatchGetRepositoriesErrorCodeEnum;
__webpack_unused_export__ = BatchGetRepositoriesInput$;
__webpack_unused_export__ = BatchGetRepositoriesOutput$;
__webpack_unused_export__ = BeforeCommitIdAndAfterCommitIdAreSameException;
__webpack_unused_export__ = BeforeCommitIdAndAfterCommitIdAreSameException$;
__webpack_unused_export__ = BlobIdDoesNotExistException;
__webpack_unused_export__ = BlobIdDoesNotExistException$;
__webpack_unused_export__ = BlobIdRequiredException;
__webpack_unused_export__ = BlobIdRequiredException$;
__webpack_unused_export__ = BlobMetadata$;
__webpack_unused_export__ = BranchDoesNotExistException;
__webpack_unused_export__ = BranchDoesNotExistException$;
__webpack_unused_export__ = BranchInfo$;
__webpack_unused_export__ = BranchNameExistsException;
__webpack_unused_export__ = BranchNameExistsException$;
__webpack_unused_export__ = BranchNameIsTagNameException;
__webpack_unused_export__ = BranchNameIsTagNameException$;
__webpack_unused_export__ = BranchNameRequiredException;
__webpack_unused_export__ = BranchNameRequiredException$;
__webpack_unused_export__ = CannotDeleteApprovalRuleFromTemplateException;
__webpack_unused_export__ = CannotDeleteApprovalRuleFromTemplateException$;
__webpack_unused_export__ = CannotModifyApprovalRuleFromTemplateException;
__webpack_unused_export__ = CannotModifyApprovalRuleFromTemplateException$;
__webpack_unused_export__ = ChangeTypeEnum;
__webpack_unused_export__ = ClientRequestTokenRequiredException;
__webpack_unused_export__ = ClientRequestTokenRequiredException$;
__webpack_unused_export__ = CodeCommit;
exports.MS4 = CodeCommitClient;
__webpack_unused_export__ = CodeCommitServiceException;
__webpack_unused_export__ = CodeCommitServiceException$;
__webpack_unused_export__ = Comment$;
__webpack_unused_export__ = CommentContentRequiredException;
__webpack_unused_export__ = CommentContentRequiredException$;
__webpack_unused_export__ = CommentContentSizeLimitExceededException;
__webpack_unused_export__ = CommentContentSizeLimitExceededException$;
__webpack_unused_export__ = CommentDeletedException;
__webpack_unused_export__ = CommentDeletedException$;
__webpack_unused_export__ = CommentDoesNotExistException;
__webpack_unused_export__ = CommentDoesNotExistException$;
__webpack_unused_export__ = CommentIdRequiredException;
__webpack_unused_export__ = CommentIdRequiredException$;
__webpack_unused_export__ = CommentNotCreatedByCallerException;
__webpack_unused_export__ = CommentNotCreatedByCallerException$;
__webpack_unused_export__ = CommentsForComparedCommit$;
__webpack_unused_export__ = CommentsForPullRequest$;
__webpack_unused_export__ = Commit$;
__webpack_unused_export__ = CommitDoesNotExistException;
__webpack_unused_export__ = CommitDoesNotExistException$;
__webpack_unused_export__ = CommitIdDoesNotExistException;
__webpack_unused_export__ = CommitIdDoesNotExistException$;
__webpack_unused_export__ = CommitIdRequiredException;
__webpack_unused_export__ = CommitIdRequiredException$;
__webpack_unused_export__ = CommitIdsLimitExceededException;
__webpack_unused_export__ = CommitIdsLimitExceededException$;
__webpack_unused_export__ = CommitIdsListRequiredException;
__webpack_unused_export__ = CommitIdsListRequiredException$;
__webpack_unused_export__ = CommitMessageLengthExceededException;
__webpack_unused_export__ = CommitMessageLengthExceededException$;
__webpack_unused_export__ = CommitRequiredException;
__webpack_unused_export__ = CommitRequiredException$;
__webpack_unused_export__ = ConcurrentReferenceUpdateException;
__webpack_unused_export__ = ConcurrentReferenceUpdateException$;
__webpack_unused_export__ = Conflict$;
__webpack_unused_export__ = ConflictDetailLevelTypeEnum;
__webpack_unused_export__ = ConflictMetadata$;
__webpack_unused_export__ = ConflictResolution$;
__webpack_unused_export__ = ConflictResolutionStrategyTypeEnum;
__webpack_unused_export__ = CreateApprovalRuleTemplate$;
__webpack_unused_export__ = CreateApprovalRuleTemplateCommand;
__webpack_unused_export__ = CreateApprovalRuleTemplateInput$;
__webpack_unused_export__ = CreateApprovalRuleTemplateOutput$;
__webpack_unused_export__ = CreateBranch$;
__webpack_unused_export__ = CreateBranchCommand;
__webpack_unused_export__ = CreateBranchInput$;
__webpack_unused_export__ = CreateCommit$;
__webpack_unused_export__ = CreateCommitCommand;
__webpack_unused_export__ = CreateCommitInput$;
__webpack_unused_export__ = CreateCommitOutput$;
__webpack_unused_export__ = CreatePullRequest$;
__webpack_unused_export__ = CreatePullRequestApprovalRule$;
__webpack_unused_export__ = CreatePullRequestApprovalRuleCommand;
__webpack_unused_export__ = CreatePullRequestApprovalRuleInput$;
__webpack_unused_export__ = CreatePullRequestApprovalRuleOutput$;
__webpack_unused_export__ = CreatePullRequestCommand;
__webpack_unused_export__ = CreatePullRequestInput$;
__webpack_unused_export__ = CreatePullRequestOutput$;
__webpack_unused_export__ = CreateRepository$;
exports.WTe = CreateRepositoryCommand;
__webpack_unused_export__ = CreateRepositoryInput$;
__webpack_unused_export__ = CreateRepositoryOutput$;
__webpack_unused_export__ = CreateUnreferencedMergeCommit$;
__webpack_unused_export__ = CreateUnreferencedMergeCommitCommand;
__webpack_unused_export__ = CreateUnreferencedMergeCommitInput$;
__webpack_unused_export__ = CreateUnreferencedMergeCommitOutput$;
__webpack_unused_export__ = DefaultBranchCannotBeDeletedException;
__webpack_unused_export__ = DefaultBranchCannotBeDeletedException$;
__webpack_unused_export__ = DeleteApprovalRuleTemplate$;
__webpack_unused_export__ = DeleteApprovalRuleTemplateCommand;
__webpack_unused_export__ = DeleteApprovalRuleTemplateInput$;
__webpack_unused_export__ = DeleteApprovalRuleTemplateOutput$;
__webpack_unused_export__ = DeleteBranch$;
__webpack_unused_export__ = DeleteBranchCommand;
__webpack_unused_export__ = DeleteBranchInput$;
__webpack_unused_export__ = DeleteBranchOutput$;
__webpack_unused_export__ = DeleteCommentContent$;
__webpack_unused_export__ = DeleteCommentContentCommand;
__webpack_unused_export__ = DeleteCommentContentInput$;
__webpack_unused_export__ = DeleteCommentContentOutput$;
__webpack_unused_export__ = DeleteFile$;
__webpack_unused_export__ = DeleteFileCommand;
__webpack_unused_export__ = DeleteFileEntry$;
__webpack_unused_export__ = DeleteFileInput$;
__webpack_unused_export__ = DeleteFileOutput$;
__webpack_unused_export__ = DeletePullRequestApprovalRule$;
__webpack_unused_export__ = DeletePullRequestApprovalRuleCommand;
__webpack_unused_export__ = DeletePullRequestApprovalRuleInput$;
__webpack_unused_export__ = DeletePullRequestApprovalRuleOutput$;
__webpack_unused_export__ = DeleteRepository$;
__webpack_unused_export__ = DeleteRepositoryCommand;
__webpack_unused_export__ = DeleteRepositoryInput$;
__webpack_unused_export__ = DeleteRepositoryOutput$;
__webpack_unused_export__ = DescribeMergeConflicts$;
__webpack_unused_export__ = DescribeMergeConflictsCommand;
__webpack_unused_export__ = DescribeMergeConflictsInput$;
__webpack_unused_export__ = DescribeMergeConflictsOutput$;
__webpack_unused_export__ = DescribePullRequestEvents$;
__webpack_unused_export__ = DescribePullRequestEventsCommand;
__webpack_unused_export__ = DescribePullRequestEventsInput$;
__webpack_unused_export__ = DescribePullRequestEventsOutput$;
__webpack_unused_export__ = DiffChange$;
__webpack_unused_export__ = DiffChangeType;
__webpack_unused_export__ = DiffHunk$;
__webpack_unused_export__ = Difference$;
__webpack_unused_export__ = DirectoryNameConflictsWithFileNameException;
__webpack_unused_export__ = DirectoryNameConflictsWithFileNameException$;
__webpack_unused_export__ = DisassociateApprovalRuleTemplateFromRepository$;
__webpack_unused_export__ = DisassociateApprovalRuleTemplateFromRepositoryCommand;
__webpack_unused_export__ = DisassociateApprovalRuleTemplateFromRepositoryInput$;
__webpack_unused_export__ = EncryptionIntegrityChecksFailedException;
__webpack_unused_export__ = EncryptionIntegrityChecksFailedException$;
__webpack_unused_export__ = EncryptionKeyAccessDeniedException;
__webpack_unused_export__ = EncryptionKeyAccessDeniedException$;
__webpack_unused_export__ = EncryptionKeyDisabledException;
__webpack_unused_export__ = EncryptionKeyDisabledException$;
__webpack_unused_export__ = EncryptionKeyInvalidIdException;
__webpack_unused_export__ = EncryptionKeyInvalidIdException$;
__webpack_unused_export__ = EncryptionKeyInvalidUsageException;
__webpack_unused_export__ = EncryptionKeyInvalidUsageException$;
__webpack_unused_export__ = EncryptionKeyNotFoundException;
__webpack_unused_export__ = EncryptionKeyNotFoundException$;
__webpack_unused_export__ = EncryptionKeyRequiredException;
__webpack_unused_export__ = EncryptionKeyRequiredException$;
__webpack_unused_export__ = EncryptionKeyUnavailableException;
__webpack_unused_export__ = EncryptionKeyUnavailableException$;
__webpack_unused_export__ = EvaluatePullRequestApprovalRules$;
__webpack_unused_export__ = EvaluatePullRequestApprovalRulesCommand;
__webpack_unused_export__ = EvaluatePullRequestApprovalRulesInput$;
__webpack_unused_export__ = EvaluatePullRequestApprovalRulesOutput$;
__webpack_unused_export__ = Evaluation$;
__webpack_unused_export__ = File$;
__webpack_unused_export__ = FileContentAndSourceFileSpecifiedException;
__webpack_unused_export__ = FileContentAndSourceFileSpecifiedException$;
__webpack_unused_export__ = FileContentRequiredException;
__webpack_unused_export__ = FileContentRequiredException$;
__webpack_unused_export__ = FileContentSizeLimitExceededException;
__webpack_unused_export__ = FileContentSizeLimitExceededException$;
__webpack_unused_export__ = FileDoesNotExistException;
__webpack_unused_export__ = FileDoesNotExistException$;
__webpack_unused_export__ = FileEntryRequiredException;
__webpack_unused_export__ = FileEntryRequiredException$;
__webpack_unused_export__ = FileMetadata$;
__webpack_unused_export__ = FileModeRequiredException;
__webpack_unused_export__ = FileModeRequiredException$;
__webpack_unused_export__ = FileModeTypeEnum;
__webpack_unused_export__ = FileModes$;
__webpack_unused_export__ = FileNameConflictsWithDirectoryNameException;
__webpack_unused_export__ = FileNameConflictsWithDirectoryNameException$;
__webpack_unused_export__ = FilePathConflictsWithSubmodulePathException;
__webpack_unused_export__ = FilePathConflictsWithSubmodulePathException$;
__webpack_unused_export__ = FileSizes$;
__webpack_unused_export__ = FileTooLargeException;
__webpack_unused_export__ = FileTooLargeException$;
__webpack_unused_export__ = FileVersion$;
__webpack_unused_export__ = Folder$;
__webpack_unused_export__ = FolderContentSizeLimitExceededException;
__webpack_unused_export__ = FolderContentSizeLimitExceededException$;
__webpack_unused_export__ = FolderDoesNotExistException;
__webpack_unused_export__ = FolderDoesNotExistException$;
__webpack_unused_export__ = GetApprovalRuleTemplate$;
__webpack_unused_export__ = GetApprovalRuleTemplateCommand;
__webpack_unused_export__ = GetApprovalRuleTemplateInput$;
__webpack_unused_export__ = GetApprovalRuleTemplateOutput$;
__webpack_unused_export__ = GetBlob$;
__webpack_unused_export__ = GetBlobCommand;
__webpack_unused_export__ = GetBlobDifferences$;
__webpack_unused_export__ = GetBlobDifferencesCommand;
__webpack_unused_export__ = GetBlobDifferencesInput$;
__webpack_unused_export__ = GetBlobDifferencesOutput$;
__webpack_unused_export__ = GetBlobInput$;
__webpack_unused_export__ = GetBlobOutput$;
__webpack_unused_export__ = GetBranch$;
__webpack_unused_export__ = GetBranchCommand;
__webpack_unused_export__ = GetBranchInput$;
__webpack_unused_export__ = GetBranchOutput$;
__webpack_unused_export__ = GetComment$;
__webpack_unused_export__ = GetCommentCommand;
__webpack_unused_export__ = GetCommentInput$;
__webpack_unused_export__ = GetCommentOutput$;
__webpack_unused_export__ = GetCommentReactions$;
__webpack_unused_export__ = GetCommentReactionsCommand;
__webpack_unused_export__ = GetCommentReactionsInput$;
__webpack_unused_export__ = GetCommentReactionsOutput$;
__webpack_unused_export__ = GetCommentsForComparedCommit$;
__webpack_unused_export__ = GetCommentsForComparedCommitCommand;
__webpack_unused_export__ = GetCommentsForComparedCommitInput$;
__webpack_unused_export__ = GetCommentsForComparedCommitOutput$;
__webpack_unused_export__ = GetCommentsForPullRequest$;
__webpack_unused_export__ = GetCommentsForPullRequestCommand;
__webpack_unused_export__ = GetCommentsForPullRequestInput$;
__webpack_unused_export__ = GetCommentsForPullRequestOutput$;
__webpack_unused_export__ = GetCommit$;
__webpack_unused_export__ = GetCommitCommand;
__webpack_unused_export__ = GetCommitInput$;
__webpack_unused_export__ = GetCommitOutput$;
__webpack_unused_export__ = GetDifferences$;
__webpack_unused_export__ = GetDifferencesCommand;
__webpack_unused_export__ = GetDifferencesInput$;
__webpack_unused_export__ = GetDifferencesOutput$;
__webpack_unused_export__ = GetFile$;
__webpack_unused_export__ = GetFileCommand;
__webpack_unused_export__ = GetFileInput$;
__webpack_unused_export__ = GetFileOutput$;
__webpack_unused_export__ = GetFolder$;
__webpack_unused_export__ = GetFolderCommand;
__webpack_unused_export__ = GetFolderInput$;
__webpack_unused_export__ = GetFolderOutput$;
__webpack_unused_export__ = GetMergeCommit$;
__webpack_unused_export__ = GetMergeCommitCommand;
__webpack_unused_export__ = GetMergeCommitInput$;
__webpack_unused_export__ = GetMergeCommitOutput$;
__webpack_unused_export__ = GetMergeConflicts$;
__webpack_unused_export__ = GetMergeConflictsCommand;
__webpack_unused_export__ = GetMergeConflictsInput$;
__webpack_unused_export__ = GetMergeConflictsOutput$;
__webpack_unused_export__ = GetMergeOptions$;
__webpack_unused_export__ = GetMergeOptionsCommand;
__webpack_unused_export__ = GetMergeOptionsInput$;
__webpack_unused_export__ = GetMergeOptionsOutput$;
__webpack_unused_export__ = GetPullRequest$;
__webpack_unused_export__ = GetPullRequestApprovalStates$;
__webpack_unused_export__ = GetPullRequestApprovalStatesCommand;
__webpack_unused_export__ = GetPullRequestApprovalStatesInput$;
__webpack_unused_export__ = GetPullRequestApprovalStatesOutput$;
__webpack_unused_export__ = GetPullRequestCommand;
__webpack_unused_export__ = GetPullRequestInput$;
__webpack_unused_export__ = GetPullRequestOutput$;
__webpack_unused_export__ = GetPullRequestOverrideState$;
__webpack_unused_export__ = GetPullRequestOverrideStateCommand;
__webpack_unused_export__ = GetPullRequestOverrideStateInput$;
__webpack_unused_export__ = GetPullRequestOverrideStateOutput$;
__webpack_unused_export__ = GetRepository$;
exports.gRy = GetRepositoryCommand;
__webpack_unused_export__ = GetRepositoryInput$;
__webpack_unused_export__ = GetRepositoryOutput$;
__webpack_unused_export__ = GetRepositoryTriggers$;
__webpack_unused_export__ = GetRepositoryTriggersCommand;
__webpack_unused_export__ = GetRepositoryTriggersInput$;
__webpack_unused_export__ = GetRepositoryTriggersOutput$;
__webpack_unused_export__ = IdempotencyParameterMismatchException;
__webpack_unused_export__ = IdempotencyParameterMismatchException$;
__webpack_unused_export__ = InvalidActorArnException;
__webpack_unused_export__ = InvalidActorArnException$;
__webpack_unused_export__ = InvalidApprovalRuleContentException;
__webpack_unused_export__ = InvalidApprovalRuleContentException$;
__webpack_unused_export__ = InvalidApprovalRuleNameException;
__webpack_unused_export__ = InvalidApprovalRuleNameException$;
__webpack_unused_export__ = InvalidApprovalRuleTemplateContentException;
__webpack_unused_export__ = InvalidApprovalRuleTemplateContentException$;
__webpack_unused_export__ = InvalidApprovalRuleTemplateDescriptionException;
__webpack_unused_export__ = InvalidApprovalRuleTemplateDescriptionException$;
__webpack_unused_export__ = InvalidApprovalRuleTemplateNameException;
__webpack_unused_export__ = InvalidApprovalRuleTemplateNameException$;
__webpack_unused_export__ = InvalidApprovalStateException;
__webpack_unused_export__ = InvalidApprovalStateException$;
__webpack_unused_export__ = InvalidAuthorArnException;
__webpack_unused_export__ = InvalidAuthorArnException$;
__webpack_unused_export__ = InvalidBlobIdException;
__webpack_unused_export__ = InvalidBlobIdException$;
__webpack_unused_export__ = InvalidBranchNameException;
__webpack_unused_export__ = InvalidBranchNameException$;
__webpack_unused_export__ = InvalidClientRequestTokenException;
__webpack_unused_export__ = InvalidClientRequestTokenException$;
__webpack_unused_export__ = InvalidCommentIdException;
__webpack_unused_export__ = InvalidCommentIdException$;
__webpack_unused_export__ = InvalidCommitException;
__webpack_unused_export__ = InvalidCommitException$;
__webpack_unused_export__ = InvalidCommitIdException;
__webpack_unused_export__ = InvalidCommitIdException$;
__webpack_unused_export__ = InvalidConflictDetailLevelException;
__webpack_unused_export__ = InvalidConflictDetailLevelException$;
__webpack_unused_export__ = InvalidConflictResolutionException;
__webpack_unused_export__ = InvalidConflictResolutionException$;
__webpack_unused_export__ = InvalidConflictResolutionStrategyException;
__webpack_unused_export__ = InvalidConflictResolutionStrategyException$;
__webpack_unused_export__ = InvalidContinuationTokenException;
__webpack_unused_export__ = InvalidContinuationTokenException$;
__webpack_unused_export__ = InvalidDeletionParameterException;
__webpack_unused_export__ = InvalidDeletionParameterException$;
__webpack_unused_export__ = InvalidDescriptionException;
__webpack_unused_export__ = InvalidDescriptionException$;
__webpack_unused_export__ = InvalidDestinationCommitSpecifierException;
__webpack_unused_export__ = InvalidDestinationCommitSpecifierException$;
__webpack_unused_export__ = InvalidEmailException;
__webpack_unused_export__ = InvalidEmailException$;
__webpack_unused_export__ = InvalidFileLocationException;
__webpack_unused_export__ = InvalidFileLocationException$;
__webpack_unused_export__ = InvalidFileModeException;
__webpack_unused_export__ = InvalidFileModeException$;
__webpack_unused_export__ = InvalidFilePositionException;
__webpack_unused_export__ = InvalidFilePositionException$;
__webpack_unused_export__ = InvalidMaxConflictFilesException;
__webpack_unused_export__ = InvalidMaxConflictFilesException$;
__webpack_unused_export__ = InvalidMaxMergeHunksException;
__webpack_unused_export__ = InvalidMaxMergeHunksException$;
__webpack_unused_export__ = InvalidMaxResultsException;
__webpack_unused_export__ = InvalidMaxResultsException$;
__webpack_unused_export__ = InvalidMergeOptionException;
__webpack_unused_export__ = InvalidMergeOptionException$;
__webpack_unused_export__ = InvalidOrderException;
__webpack_unused_export__ = InvalidOrderException$;
__webpack_unused_export__ = InvalidOverrideStatusException;
__webpack_unused_export__ = InvalidOverrideStatusException$;
__webpack_unused_export__ = InvalidParentCommitIdException;
__webpack_unused_export__ = InvalidParentCommitIdException$;
__webpack_unused_export__ = InvalidPathException;
__webpack_unused_export__ = InvalidPathException$;
__webpack_unused_export__ = InvalidPullRequestEventTypeException;
__webpack_unused_export__ = InvalidPullRequestEventTypeException$;
__webpack_unused_export__ = InvalidPullRequestIdException;
__webpack_unused_export__ = InvalidPullRequestIdException$;
__webpack_unused_export__ = InvalidPullRequestStatusException;
__webpack_unused_export__ = InvalidPullRequestStatusException$;
__webpack_unused_export__ = InvalidPullRequestStatusUpdateException;
__webpack_unused_export__ = InvalidPullRequestStatusUpdateException$;
__webpack_unused_export__ = InvalidReactionUserArnException;
__webpack_unused_export__ = InvalidReactionUserArnException$;
__webpack_unused_export__ = InvalidReactionValueException;
__webpack_unused_export__ = InvalidReactionValueException$;
__webpack_unused_export__ = InvalidReferenceNameException;
__webpack_unused_export__ = InvalidReferenceNameException$;
__webpack_unused_export__ = InvalidRelativeFileVersionEnumException;
__webpack_unused_export__ = InvalidRelativeFileVersionEnumException$;
__webpack_unused_export__ = InvalidReplacementContentException;
__webpack_unused_export__ = InvalidReplacementContentException$;
__webpack_unused_export__ = InvalidReplacementTypeException;
__webpack_unused_export__ = InvalidReplacementTypeException$;
__webpack_unused_export__ = InvalidRepositoryDescriptionException;
__webpack_unused_export__ = InvalidRepositoryDescriptionException$;
__webpack_unused_export__ = InvalidRepositoryNameException;
__webpack_unused_export__ = InvalidRepositoryNameException$;
__webpack_unused_export__ = InvalidRepositoryTriggerBranchNameException;
__webpack_unused_export__ = InvalidRepositoryTriggerBranchNameException$;
__webpack_unused_export__ = InvalidRepositoryTriggerCustomDataException;
__webpack_unused_export__ = InvalidRepositoryTriggerCustomDataException$;
__webpack_unused_export__ = InvalidRepositoryTriggerDestinationArnException;
__webpack_unused_export__ = InvalidRepositoryTriggerDestinationArnException$;
__webpack_unused_export__ = InvalidRepositoryTriggerEventsException;
__webpack_unused_export__ = InvalidRepositoryTriggerEventsException$;
__webpack_unused_export__ = InvalidRepositoryTriggerNameException;
__webpack_unused_export__ = InvalidRepositoryTriggerNameException$;
__webpack_unused_export__ = InvalidRepositoryTriggerRegionException;
__webpack_unused_export__ = InvalidRepositoryTriggerRegionException$;
__webpack_unused_export__ = InvalidResourceArnException;
__webpack_unused_export__ = InvalidResourceArnException$;
__webpack_unused_export__ = InvalidRevisionIdException;
__webpack_unused_export__ = InvalidRevisionIdException$;
__webpack_unused_export__ = InvalidRuleContentSha256Exception;
__webpack_unused_export__ = InvalidRuleContentSha256Exception$;
__webpack_unused_export__ = InvalidSortByException;
__webpack_unused_export__ = InvalidSortByException$;
__webpack_unused_export__ = InvalidSourceCommitSpecifierException;
__webpack_unused_export__ = InvalidSourceCommitSpecifierException$;
__webpack_unused_export__ = InvalidSystemTagUsageException;
__webpack_unused_export__ = InvalidSystemTagUsageException$;
__webpack_unused_export__ = InvalidTagKeysListException;
__webpack_unused_export__ = InvalidTagKeysListException$;
__webpack_unused_export__ = InvalidTagsMapException;
__webpack_unused_export__ = InvalidTagsMapException$;
__webpack_unused_export__ = InvalidTargetBranchException;
__webpack_unused_export__ = InvalidTargetBranchException$;
__webpack_unused_export__ = InvalidTargetException;
__webpack_unused_export__ = InvalidTargetException$;
__webpack_unused_export__ = InvalidTargetsException;
__webpack_unused_export__ = InvalidTargetsException$;
__webpack_unused_export__ = InvalidTitleException;
__webpack_unused_export__ = InvalidTitleException$;
__webpack_unused_export__ = IsBinaryFile$;
__webpack_unused_export__ = ListApprovalRuleTemplates$;
__webpack_unused_export__ = ListApprovalRuleTemplatesCommand;
__webpack_unused_export__ = ListApprovalRuleTemplatesInput$;
__webpack_unused_export__ = ListApprovalRuleTemplatesOutput$;
__webpack_unused_export__ = ListAssociatedApprovalRuleTemplatesForRepository$;
__webpack_unused_export__ = ListAssociatedApprovalRuleTemplatesForRepositoryCommand;
__webpack_unused_export__ = ListAssociatedApprovalRuleTemplatesForRepositoryInput$;
__webpack_unused_export__ = ListAssociatedApprovalRuleTemplatesForRepositoryOutput$;
__webpack_unused_export__ = ListBranches$;
__webpack_unused_export__ = ListBranchesCommand;
__webpack_unused_export__ = ListBranchesInput$;
__webpack_unused_export__ = ListBranchesOutput$;
__webpack_unused_export__ = ListFileCommitHistory$;
__webpack_unused_export__ = ListFileCommitHistoryCommand;
__webpack_unused_export__ = ListFileCommitHistoryRequest$;
__webpack_unused_export__ = ListFileCommitHistoryResponse$;
__webpack_unused_export__ = ListPullRequests$;
__webpack_unused_export__ = ListPullRequestsCommand;
__webpack_unused_export__ = ListPullRequestsInput$;
__webpack_unused_export__ = ListPullRequestsOutput$;
__webpack_unused_export__ = ListRepositories$;
__webpack_unused_export__ = ListRepositoriesCommand;
__webpack_unused_export__ = ListRepositoriesForApprovalRuleTemplate$;
__webpack_unused_export__ = ListRepositoriesForApprovalRuleTemplateCommand;
__webpack_unused_export__ = ListRepositoriesForApprovalRuleTemplateInput$;
__webpack_unused_export__ = ListRepositoriesForApprovalRuleTemplateOutput$;
__webpack_unused_export__ = ListRepositoriesInput$;
__webpack_unused_export__ = ListRepositoriesOutput$;
__webpack_unused_export__ = ListTagsForResource$;
__webpack_unused_export__ = ListTagsForResourceCommand;
__webpack_unused_export__ = ListTagsForResourceInput$;
__webpack_unused_export__ = ListTagsForResourceOutput$;
__webpack_unused_export__ = Location$;
__webpack_unused_export__ = ManualMergeRequiredException;
__webpack_unused_export__ = ManualMergeRequiredException$;
__webpack_unused_export__ = MaximumBranchesExceededException;
__webpack_unused_export__ = MaximumBranchesExceededException$;
__webpack_unused_export__ = MaximumConflictResolutionEntriesExceededException;
__webpack_unused_export__ = MaximumConflictResolutionEntriesExceededException$;
__webpack_unused_export__ = MaximumFileContentToLoadExceededException;
__webpack_unused_export__ = MaximumFileContentToLoadExceededException$;
__webpack_unused_export__ = MaximumFileEntriesExceededException;
__webpack_unused_export__ = MaximumFileEntriesExceededException$;
__webpack_unused_export__ = MaximumItemsToCompareExceededException;
__webpack_unused_export__ = MaximumItemsToCompareExceededException$;
__webpack_unused_export__ = MaximumNumberOfApprovalsExceededException;
__webpack_unused_export__ = MaximumNumberOfApprovalsExceededException$;
__webpack_unused_export__ = MaximumOpenPullRequestsExceededException;
__webpack_unused_export__ = MaximumOpenPullRequestsExceededException$;
__webpack_unused_export__ = MaximumRepositoryNamesExceededException;
__webpack_unused_export__ = MaximumRepositoryNamesExceededException$;
__webpack_unused_export__ = MaximumRepositoryTriggersExceededException;
__webpack_unused_export__ = MaximumRepositoryTriggersExceededException$;
__webpack_unused_export__ = MaximumRuleTemplatesAssociatedWithRepositoryException;
__webpack_unused_export__ = MaximumRuleTemplatesAssociatedWithRepositoryException$;
__webpack_unused_export__ = MergeBranchesByFastForward$;
__webpack_unused_export__ = MergeBranchesByFastForwardCommand;
__webpack_unused_export__ = MergeBranchesByFastForwardInput$;
__webpack_unused_export__ = MergeBranchesByFastForwardOutput$;
__webpack_unused_export__ = MergeBranchesBySquash$;
__webpack_unused_export__ = MergeBranchesBySquashCommand;
__webpack_unused_export__ = MergeBranchesBySquashInput$;
__webpack_unused_export__ = MergeBranchesBySquashOutput$;
__webpack_unused_export__ = MergeBranchesByThreeWay$;
__webpack_unused_export__ = MergeBranchesByThreeWayCommand;
__webpack_unused_export__ = MergeBranchesByThreeWayInput$;
__webpack_unused_export__ = MergeBranchesByThreeWayOutput$;
__webpack_unused_export__ = MergeHunk$;
__webpack_unused_export__ = MergeHunkDetail$;
__webpack_unused_export__ = MergeMetadata$;
__webpack_unused_export__ = MergeOperations$;
__webpack_unused_export__ = MergeOptionRequiredException;
__webpack_unused_export__ = MergeOptionRequiredException$;
__webpack_unused_export__ = MergeOptionTypeEnum;
__webpack_unused_export__ = MergePullRequestByFastForward$;
__webpack_unused_export__ = MergePullRequestByFastForwardCommand;
__webpack_unused_export__ = MergePullRequestByFastForwardInput$;
__webpack_unused_export__ = MergePullRequestByFastForwardOutput$;
__webpack_unused_export__ = MergePullRequestBySquash$;
__webpack_unused_export__ = MergePullRequestBySquashCommand;
__webpack_unused_export__ = MergePullRequestBySquashInput$;
__webpack_unused_export__ = MergePullRequestBySquashOutput$;
__webpack_unused_export__ = MergePullRequestByThreeWay$;
__webpack_unused_export__ = MergePullRequestByThreeWayCommand;
__webpack_unused_export__ = MergePullRequestByThreeWayInput$;
__webpack_unused_export__ = MergePullRequestByThreeWayOutput$;
__webpack_unused_export__ = MultipleConflictResolutionEntriesException;
__webpack_unused_export__ = MultipleConflictResolutionEntriesException$;
__webpack_unused_export__ = MultipleRepositoriesInPullRequestException;
__webpack_unused_export__ = MultipleRepositoriesInPullRequestException$;
__webpack_unused_export__ = NameLengthExceededException;
__webpack_unused_export__ = NameLengthExceededException$;
__webpack_unused_export__ = NoChangeException;
__webpack_unused_export__ = NoChangeException$;
__webpack_unused_export__ = NumberOfRuleTemplatesExceededException;
__webpack_unused_export__ = NumberOfRuleTemplatesExceededException$;
__webpack_unused_export__ = NumberOfRulesExceededException;
__webpack_unused_export__ = NumberOfRulesExceededException$;
__webpack_unused_export__ = ObjectTypeEnum;
__webpack_unused_export__ = ObjectTypes$;
__webpack_unused_export__ = OperationNotAllowedException;
__webpack_unused_export__ = OperationNotAllowedException$;
__webpack_unused_export__ = OrderEnum;
__webpack_unused_export__ = OriginApprovalRuleTemplate$;
__webpack_unused_export__ = OverrideAlreadySetException;
__webpack_unused_export__ = OverrideAlreadySetException$;
__webpack_unused_export__ = OverridePullRequestApprovalRules$;
__webpack_unused_export__ = OverridePullRequestApprovalRulesCommand;
__webpack_unused_export__ = OverridePullRequestApprovalRulesInput$;
__webpack_unused_export__ = OverrideStatus;
__webpack_unused_export__ = OverrideStatusRequiredException;
__webpack_unused_export__ = OverrideStatusRequiredException$;
__webpack_unused_export__ = ParentCommitDoesNotExistException;
__webpack_unused_export__ = ParentCommitDoesNotExistException$;
__webpack_unused_export__ = ParentCommitIdOutdatedException;
__webpack_unused_export__ = ParentCommitIdOutdatedException$;
__webpack_unused_export__ = ParentCommitIdRequiredException;
__webpack_unused_export__ = ParentCommitIdRequiredException$;
__webpack_unused_export__ = PathDoesNotExistException;
__webpack_unused_export__ = PathDoesNotExistException$;
__webpack_unused_export__ = PathRequiredException;
__webpack_unused_export__ = PathRequiredException$;
__webpack_unused_export__ = PostCommentForComparedCommit$;
__webpack_unused_export__ = PostCommentForComparedCommitCommand;
__webpack_unused_export__ = PostCommentForComparedCommitInput$;
__webpack_unused_export__ = PostCommentForComparedCommitOutput$;
__webpack_unused_export__ = PostCommentForPullRequest$;
__webpack_unused_export__ = PostCommentForPullRequestCommand;
__webpack_unused_export__ = PostCommentForPullRequestInput$;
__webpack_unused_export__ = PostCommentForPullRequestOutput$;
__webpack_unused_export__ = PostCommentReply$;
__webpack_unused_export__ = PostCommentReplyCommand;
__webpack_unused_export__ = PostCommentReplyInput$;
__webpack_unused_export__ = PostCommentReplyOutput$;
__webpack_unused_export__ = PullRequest$;
__webpack_unused_export__ = PullRequestAlreadyClosedException;
__webpack_unused_export__ = PullRequestAlreadyClosedException$;
__webpack_unused_export__ = PullRequestApprovalRulesNotSatisfiedException;
__webpack_unused_export__ = PullRequestApprovalRulesNotSatisfiedException$;
__webpack_unused_export__ = PullRequestCannotBeApprovedByAuthorException;
__webpack_unused_export__ = PullRequestCannotBeApprovedByAuthorException$;
__webpack_unused_export__ = PullRequestCreatedEventMetadata$;
__webpack_unused_export__ = PullRequestDoesNotExistException;
__webpack_unused_export__ = PullRequestDoesNotExistException$;
__webpack_unused_export__ = PullRequestEvent$;
__webpack_unused_export__ = PullRequestEventType;
__webpack_unused_export__ = PullRequestIdRequiredException;
__webpack_unused_export__ = PullRequestIdRequiredException$;
__webpack_unused_export__ = PullRequestMergedStateChangedEventMetadata$;
__webpack_unused_export__ = PullRequestSourceReferenceUpdatedEventMetadata$;
__webpack_unused_export__ = PullRequestStatusChangedEventMetadata$;
__webpack_unused_export__ = PullRequestStatusEnum;
__webpack_unused_export__ = PullRequestStatusRequiredException;
__webpack_unused_export__ = PullRequestStatusRequiredException$;
__webpack_unused_export__ = PullRequestTarget$;
__webpack_unused_export__ = PutCommentReaction$;
__webpack_unused_export__ = PutCommentReactionCommand;
__webpack_unused_export__ = PutCommentReactionInput$;
__webpack_unused_export__ = PutFile$;
__webpack_unused_export__ = PutFileCommand;
__webpack_unused_export__ = PutFileEntry$;
__webpack_unused_export__ = PutFileEntryConflictException;
__webpack_unused_export__ = PutFileEntryConflictException$;
__webpack_unused_export__ = PutFileInput$;
__webpack_unused_export__ = PutFileOutput$;
__webpack_unused_export__ = PutRepositoryTriggers$;
__webpack_unused_export__ = PutRepositoryTriggersCommand;
__webpack_unused_export__ = PutRepositoryTriggersInput$;
__webpack_unused_export__ = PutRepositoryTriggersOutput$;
__webpack_unused_export__ = ReactionForComment$;
__webpack_unused_export__ = ReactionLimitExceededException;
__webpack_unused_export__ = ReactionLimitExceededException$;
__webpack_unused_export__ = ReactionValueFormats$;
__webpack_unused_export__ = ReactionValueRequiredException;
__webpack_unused_export__ = ReactionValueRequiredException$;
__webpack_unused_export__ = ReferenceDoesNotExistException;
__webpack_unused_export__ = ReferenceDoesNotExistException$;
__webpack_unused_export__ = ReferenceNameRequiredException;
__webpack_unused_export__ = ReferenceNameRequiredException$;
__webpack_unused_export__ = ReferenceTypeNotSupportedException;
__webpack_unused_export__ = ReferenceTypeNotSupportedException$;
__webpack_unused_export__ = RelativeFileVersionEnum;
__webpack_unused_export__ = ReplaceContentEntry$;
__webpack_unused_export__ = ReplacementContentRequiredException;
__webpack_unused_export__ = ReplacementContentRequiredException$;
__webpack_unused_export__ = ReplacementTypeEnum;
__webpack_unused_export__ = ReplacementTypeRequiredException;
__webpack_unused_export__ = ReplacementTypeRequiredException$;
__webpack_unused_export__ = RepositoryDoesNotExistException;
__webpack_unused_export__ = RepositoryDoesNotExistException$;
__webpack_unused_export__ = RepositoryLimitExceededException;
__webpack_unused_export__ = RepositoryLimitExceededException$;
__webpack_unused_export__ = RepositoryMetadata$;
__webpack_unused_export__ = RepositoryNameExistsException;
__webpack_unused_export__ = RepositoryNameExistsException$;
__webpack_unused_export__ = RepositoryNameIdPair$;
__webpack_unused_export__ = RepositoryNameRequiredException;
__webpack_unused_export__ = RepositoryNameRequiredException$;
__webpack_unused_export__ = RepositoryNamesRequiredException;
__webpack_unused_export__ = RepositoryNamesRequiredException$;
__webpack_unused_export__ = RepositoryNotAssociatedWithPullRequestException;
__webpack_unused_export__ = RepositoryNotAssociatedWithPullRequestException$;
__webpack_unused_export__ = RepositoryTrigger$;
__webpack_unused_export__ = RepositoryTriggerBranchNameListRequiredException;
__webpack_unused_export__ = RepositoryTriggerBranchNameListRequiredException$;
__webpack_unused_export__ = RepositoryTriggerDestinationArnRequiredException;
__webpack_unused_export__ = RepositoryTriggerDestinationArnRequiredException$;
__webpack_unused_export__ = RepositoryTriggerEventEnum;
__webpack_unused_export__ = RepositoryTriggerEventsListRequiredException;
__webpack_unused_export__ = RepositoryTriggerEventsListRequiredException$;
__webpack_unused_export__ = RepositoryTriggerExecutionFailure$;
__webpack_unused_export__ = RepositoryTriggerNameRequiredException;
__webpack_unused_export__ = RepositoryTriggerNameRequiredException$;
__webpack_unused_export__ = RepositoryTriggersListRequiredException;
__webpack_unused_export__ = RepositoryTriggersListRequiredException$;
__webpack_unused_export__ = ResourceArnRequiredException;
__webpack_unused_export__ = ResourceArnRequiredException$;
__webpack_unused_export__ = RestrictedSourceFileException;
__webpack_unused_export__ = RestrictedSourceFileException$;
__webpack_unused_export__ = RevisionIdRequiredException;
__webpack_unused_export__ = RevisionIdRequiredException$;
__webpack_unused_export__ = RevisionNotCurrentException;
__webpack_unused_export__ = RevisionNotCurrentException$;
__webpack_unused_export__ = SameFileContentException;
__webpack_unused_export__ = SameFileContentException$;
__webpack_unused_export__ = SamePathRequestException;
__webpack_unused_export__ = SamePathRequestException$;
__webpack_unused_export__ = SetFileModeEntry$;
__webpack_unused_export__ = SortByEnum;
__webpack_unused_export__ = SourceAndDestinationAreSameException;
__webpack_unused_export__ = SourceAndDestinationAreSameException$;
__webpack_unused_export__ = SourceFileOrContentRequiredException;
__webpack_unused_export__ = SourceFileOrContentRequiredException$;
__webpack_unused_export__ = SourceFileSpecifier$;
__webpack_unused_export__ = SubModule$;
__webpack_unused_export__ = SymbolicLink$;
__webpack_unused_export__ = TagKeysListRequiredException;
__webpack_unused_export__ = TagKeysListRequiredException$;
__webpack_unused_export__ = TagPolicyException;
__webpack_unused_export__ = TagPolicyException$;
__webpack_unused_export__ = TagResource$;
__webpack_unused_export__ = TagResourceCommand;
__webpack_unused_export__ = TagResourceInput$;
__webpack_unused_export__ = TagsMapRequiredException;
__webpack_unused_export__ = TagsMapRequiredException$;
__webpack_unused_export__ = Target$;
__webpack_unused_export__ = TargetRequiredException;
__webpack_unused_export__ = TargetRequiredException$;
__webpack_unused_export__ = TargetsRequiredException;
__webpack_unused_export__ = TargetsRequiredException$;
__webpack_unused_export__ = TestRepositoryTriggers$;
__webpack_unused_export__ = TestRepositoryTriggersCommand;
__webpack_unused_export__ = TestRepositoryTriggersInput$;
__webpack_unused_export__ = TestRepositoryTriggersOutput$;
__webpack_unused_export__ = TipOfSourceReferenceIsDifferentException;
__webpack_unused_export__ = TipOfSourceReferenceIsDifferentException$;
__webpack_unused_export__ = TipsDivergenceExceededException;
__webpack_unused_export__ = TipsDivergenceExceededException$;
__webpack_unused_export__ = TitleRequiredException;
__webpack_unused_export__ = TitleRequiredException$;
__webpack_unused_export__ = TooManyTagsException;
__webpack_unused_export__ = TooManyTagsException$;
__webpack_unused_export__ = UntagResource$;
__webpack_unused_export__ = UntagResourceCommand;
__webpack_unused_export__ = UntagResourceInput$;
__webpack_unused_export__ = UpdateApprovalRuleTemplateContent$;
__webpack_unused_export__ = UpdateApprovalRuleTemplateContentCommand;
__webpack_unused_export__ = UpdateApprovalRuleTemplateContentInput$;
__webpack_unused_export__ = UpdateApprovalRuleTemplateContentOutput$;
__webpack_unused_export__ = UpdateApprovalRuleTemplateDescription$;
__webpack_unused_export__ = UpdateApprovalRuleTemplateDescriptionCommand;
__webpack_unused_export__ = UpdateApprovalRuleTemplateDescriptionInput$;
__webpack_unused_export__ = UpdateApprovalRuleTemplateDescriptionOutput$;
__webpack_unused_export__ = UpdateApprovalRuleTemplateName$;
__webpack_unused_export__ = UpdateApprovalRuleTemplateNameCommand;
__webpack_unused_export__ = UpdateApprovalRuleTemplateNameInput$;
__webpack_unused_export__ = UpdateApprovalRuleTemplateNameOutput$;
__webpack_unused_export__ = UpdateComment$;
__webpack_unused_export__ = UpdateCommentCommand;
__webpack_unused_export__ = UpdateCommentInput$;
__webpack_unused_export__ = UpdateCommentOutput$;
__webpack_unused_export__ = UpdateDefaultBranch$;
__webpack_unused_export__ = UpdateDefaultBranchCommand;
__webpack_unused_export__ = UpdateDefaultBranchInput$;
__webpack_unused_export__ = UpdatePullRequestApprovalRuleContent$;
__webpack_unused_export__ = UpdatePullRequestApprovalRuleContentCommand;
__webpack_unused_export__ = UpdatePullRequestApprovalRuleContentInput$;
__webpack_unused_export__ = UpdatePullRequestApprovalRuleContentOutput$;
__webpack_unused_export__ = UpdatePullRequestApprovalState$;
__webpack_unused_export__ = UpdatePullRequestApprovalStateCommand;
__webpack_unused_export__ = UpdatePullRequestApprovalStateInput$;
__webpack_unused_export__ = UpdatePullRequestDescription$;
__webpack_unused_export__ = UpdatePullRequestDescriptionCommand;
__webpack_unused_export__ = UpdatePullRequestDescriptionInput$;
__webpack_unused_export__ = UpdatePullRequestDescriptionOutput$;
__webpack_unused_export__ = UpdatePullRequestStatus$;
__webpack_unused_export__ = UpdatePullRequestStatusCommand;
__webpack_unused_export__ = UpdatePullRequestStatusInput$;
__webpack_unused_export__ = UpdatePullRequestStatusOutput$;
__webpack_unused_export__ = UpdatePullRequestTitle$;
__webpack_unused_export__ = UpdatePullRequestTitleCommand;
__webpack_unused_export__ = UpdatePullRequestTitleInput$;
__webpack_unused_export__ = UpdatePullRequestTitleOutput$;
__webpack_unused_export__ = UpdateRepositoryDescription$;
__webpack_unused_export__ = UpdateRepositoryDescriptionCommand;
__webpack_unused_export__ = UpdateRepositoryDescriptionInput$;
__webpack_unused_export__ = UpdateRepositoryEncryptionKey$;
__webpack_unused_export__ = UpdateRepositoryEncryptionKeyCommand;
__webpack_unused_export__ = UpdateRepositoryEncryptionKeyInput$;
__webpack_unused_export__ = UpdateRepositoryEncryptionKeyOutput$;
__webpack_unused_export__ = UpdateRepositoryName$;
__webpack_unused_export__ = UpdateRepositoryNameCommand;
__webpack_unused_export__ = UpdateRepositoryNameInput$;
__webpack_unused_export__ = UserInfo$;
__webpack_unused_export__ = ValidationException;
__webpack_unused_export__ = ValidationException$;
__webpack_unused_export__ = errorTypeRegistries;
__webpack_unused_export__ = paginateDescribeMergeConflicts;
__webpack_unused_export__ = paginateDescribePullRequestEvents;
__webpack_unused_export__ = paginateGetBlobDifferences;
__webpack_unused_export__ = paginateGetCommentReactions;
__webpack_unused_export__ = paginateGetCommentsForComparedCommit;
__webpack_unused_export__ = paginateGetCommentsForPullRequest;
__webpack_unused_export__ = paginateGetDifferences;
__webpack_unused_export__ = paginateGetMergeConflicts;
__webpack_unused_export__ = paginateListApprovalRuleTemplates;
__webpack_unused_export__ = paginateListAssociatedApprovalRuleTemplatesForRepository;
__webpack_unused_export__ = paginateListBranches;
__webpack_unused_export__ = paginateListFileCommitHistory;
__webpack_unused_export__ = paginateListPullRequests;
__webpack_unused_export__ = paginateListRepositories;
__webpack_unused_export__ = paginateListRepositoriesForApprovalRuleTemplate;


/***/ })

};
